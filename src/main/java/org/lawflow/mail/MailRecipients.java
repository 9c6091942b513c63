package org.lawflow.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.lawflow.agency.Agency;
import org.lawflow.casefile.EnforcementCase;
import org.springframework.stereotype.Component;

/**
 * Resolves recipient tokens: {@code party}, the agency's bodies ({@code superior}, {@code justiceBureau},
 * {@code police}, {@code procuratorate}, {@code disciplineCommission}, {@code disciplineInternal}),
 * {@code group:<id>} (members in the case's agency with an e-mail), {@code user:<id>}, {@code var:<name>} (the
 * variable holds a token, user id or address) and literal addresses. A recipient without address (e.g. a party
 * with no known e-mail) is returned with address null and recorded as skipped.
 */
@Component
class MailRecipients {

    record Recipient(String token, String address, String name) {
    }

    private static final Map<String, Function<Agency, Agency.Recipient>> AGENCY_BODIES = Map.of(
            "superior", Agency::superior,
            "justiceBureau", Agency::justiceBureau,
            "police", Agency::police,
            "procuratorate", Agency::procuratorate,
            "disciplineCommission", Agency::discipline,
            "disciplineInternal", Agency::internalDiscipline);
    static final List<String> DISCIPLINE_TOKENS = List.of("disciplineCommission", "disciplineInternal");

    private final IdentityService identityService;

    MailRecipients(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** All recipients of the tokens, one per address (first token wins). */
    List<Recipient> resolve(List<String> tokens, EnforcementCase c, Agency agency, Function<String, Object> variables) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        List<Recipient> skipped = new ArrayList<>();
        for (String token : tokens) {
            for (Recipient r : resolve(token, token, c, agency, variables, 0)) {
                if (r.address() == null) {
                    skipped.add(r);
                } else {
                    byAddress.putIfAbsent(r.address().toLowerCase(java.util.Locale.ROOT), r);
                }
            }
        }
        List<Recipient> all = new ArrayList<>(byAddress.values());
        all.addAll(skipped);
        return all;
    }

    private List<Recipient> resolve(String token, String original, EnforcementCase c, Agency agency,
            Function<String, Object> variables, int depth) {
        String t = token.strip();
        if (t.equals("party")) {
            String email = c.party().email();
            return List.of(new Recipient(original, blank(email) ? null : email.strip(), c.party().name()));
        }
        if (AGENCY_BODIES.containsKey(t)) {
            Agency.Recipient body = AGENCY_BODIES.get(t).apply(agency);
            return List.of(new Recipient(original, blank(body.email()) ? null : body.email(), body.name()));
        }
        if (t.startsWith("group:")) {
            return identityService.createUserQuery().memberOfGroup(t.substring(6).strip())
                    .memberOfTenant(c.agencyId()).list().stream().filter(u -> !blank(u.getEmail()))
                    .map(u -> new Recipient(original, u.getEmail(), displayName(u))).toList();
        }
        if (t.startsWith("user:")) {
            return List.of(user(t.substring(5).strip(), original));
        }
        if (t.startsWith("var:")) {
            Object value = variables.apply(t.substring(4).strip());
            if (value == null || blank(String.valueOf(value)) || depth > 2) {
                return List.of(new Recipient(original, null, null));
            }
            String v = String.valueOf(value).strip();
            boolean token2 = v.contains("@") || v.equals("party") || AGENCY_BODIES.containsKey(v) || v.contains(":");
            return token2 ? resolve(v, original, c, agency, variables, depth + 1) : List.of(user(v, original));
        }
        if (t.contains("@")) {
            return List.of(new Recipient(original, t, null));
        }
        throw new IllegalStateException("Unknown mail recipient token '" + t + "'");
    }

    private Recipient user(String userId, String original) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null || blank(user.getEmail()) ? new Recipient(original, null, userId)
                : new Recipient(original, user.getEmail(), displayName(user));
    }

    private static String displayName(User u) {
        String name = (u.getLastName() == null ? "" : u.getLastName()) + (u.getFirstName() == null ? "" : u.getFirstName());
        return name.isBlank() ? u.getId() : name;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
