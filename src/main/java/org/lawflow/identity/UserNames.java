package org.lawflow.identity;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People and groups as officers read them: 张伟, not {@code zhangwei}; 李强、张伟, not {@code liqiang,zhangwei};
 * 听证主持人, not {@code hearing-host}. An id nobody has prints as it is.
 */
@Component
public class UserNames {

    private static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\s]+");

    private final IdentityService identityService;

    UserNames(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** 张伟 for {@code zhangwei}; "系统" for the engine itself; the id when nobody has it. */
    public String of(String userId) {
        if (userId == null || userId.isBlank()) {
            return null;
        }
        if ("system".equals(userId)) {
            return "系统";
        }
        User user = identityService.createUserQuery().userId(userId.strip()).singleResult();
        return user == null ? userId.strip() : displayName(user);
    }

    /** 李强、张伟 for {@code liqiang,zhangwei} (or a list of ids). */
    public String list(Object ids) {
        if (ids == null) {
            return null;
        }
        List<String> each = ids instanceof Collection<?> c ? c.stream().map(String::valueOf).toList()
                : List.of(SEPARATORS.split(String.valueOf(ids).strip()));
        return String.join("、", each.stream().filter(id -> !id.isBlank()).map(this::of).toList());
    }

    /** The names of the members of {@code groupId} in the agency, 王芳、… (empty when none). */
    public List<String> membersOf(String groupId, String agencyId) {
        return identityService.createUserQuery().memberOfGroup(groupId).memberOfTenant(agencyId).orderByUserId().asc()
                .list().stream().map(UserNames::displayName).toList();
    }

    /** 听证主持人 for {@code hearing-host}. */
    public static String groupName(String groupId) {
        return Groups.NAMES.getOrDefault(groupId, groupId);
    }

    static String displayName(User user) {
        String name = (user.getLastName() == null ? "" : user.getLastName())
                + (user.getFirstName() == null ? "" : user.getFirstName());
        return name.isBlank() ? user.getId() : name;
    }
}
