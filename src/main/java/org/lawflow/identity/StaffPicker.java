package org.lawflow.identity;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The people a form lets its user pick (集体讨论's heads, the hearing host) instead of typing user ids: the members
 * of a group in an agency, with their Chinese name and role, as a Json variable of {@code {label, value}} pairs that a
 * Camunda Form's select, taglist or checklist reads through its {@code valuesKey}. The guards check a picked id with
 * {@link #member} again, since a completion through the engine REST may send any id. Made from the engine's identity
 * service at hand ({@code task.getProcessEngineServices()}), so that listeners attached by engine plugins can use it.
 */
public final class StaffPicker {

    /** A person to pick: user id, name (赵敏) and role (正职负责人). */
    public record Person(String id, String name, String role) {

        /** What the form shows: 赵敏（正职负责人）. */
        public String label() {
            return name + "（" + role + "）";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PRINCIPAL = "正职负责人";
    static final String DEPUTY = "副职负责人";

    private final IdentityService identity;

    public StaffPicker(IdentityService identity) {
        this.identity = identity;
    }

    /** The members of {@code group} in {@code agency} (every agency when null); for heads the 正职 first. */
    public List<Person> members(String group, String agency) {
        return query(group, agency).orderByUserId().asc().list().stream().map(u -> person(u, group))
                .sorted(Comparator.comparing(p -> !PRINCIPAL.equals(p.role()))).toList();
    }

    /** Everybody of {@code agency} except the system operators, each with the role of his or her first group. */
    public List<Person> staff(String agency) {
        return identity.createUserQuery().memberOfTenant(agency).orderByUserId().asc().list().stream()
                .filter(u -> identity.createUserQuery().userId(u.getId()).memberOfGroup(Groups.ADMIN).count() == 0)
                .map(u -> {
                    var groups = identity.createGroupQuery().groupMember(u.getId()).orderByGroupId().asc().list();
                    String role = groups.stream().map(g -> Groups.NAMES.get(g.getId())).filter(java.util.Objects::nonNull)
                            .findFirst().orElse("工作人员");
                    return new Person(u.getId(), name(u), role);
                }).toList();
    }

    /** The user if a member of {@code group} in {@code agency}. */
    public Optional<Person> member(String userId, String group, String agency) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(query(group, agency).userId(userId.strip()).singleResult()).map(u -> person(u, group));
    }

    private UserQuery query(String group, String agency) {
        UserQuery query = identity.createUserQuery().memberOfGroup(group);
        return agency == null ? query : query.memberOfTenant(agency);
    }

    private Person person(User user, String group) {
        String role = Groups.NAMES.getOrDefault(group, group);
        if (Groups.AGENCY_HEAD.equals(group)) {
            boolean principal = identity.createUserQuery().userId(user.getId()).memberOfGroup(Groups.PRINCIPAL_HEAD)
                    .count() > 0;
            role = principal ? PRINCIPAL : DEPUTY;
        }
        return new Person(user.getId(), name(user), role);
    }

    /** A user's name as LawFlow shows it (family name first, as the accounts store it); the id if none. */
    public static String name(User user) {
        String name = ((user.getLastName() == null ? "" : user.getLastName())
                + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }

    /** The options as a Json variable: {@code [{"label":"赵敏（正职负责人）","value":"zhaomin"}, …]}. */
    public static TypedValue options(Collection<Person> people) {
        var array = JSON.createArrayNode();
        people.forEach(p -> array.addObject().put("label", p.label()).put("value", p.id()));
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(array)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
