package org.lawflow.casefile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.lawflow.identity.LawFlowUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The cases a user may start a flow on, for a start form's case picker: cases of the given agencies that the user may
 * see ({@link LawFlowUser#canSee}, as /api), in a status {@link CaseFilingGate} lets the flow start on, and accepted by
 * the flow's own {@link CaseStartRule}s; newest first, at most {@link #LIMIT}.
 */
@Component
public class StartableCases {

    /** A picker lists at most this many cases (the newest); older ones are still started through /api. */
    public static final int LIMIT = 200;
    /** How many cases of the right status are looked at, at most, to fill the list (the flows' rules query per case). */
    static final int MAX_SCANNED = 2000;

    private final CaseRepository cases;
    private final ObjectProvider<CaseStartRule> rules;

    StartableCases(CaseRepository cases, ObjectProvider<CaseStartRule> rules) {
        this.cases = cases;
        this.rules = rules;
    }

    public List<EnforcementCase> forStart(String processKey, List<String> agencyIds, LawFlowUser user) {
        List<String> visible = agencyIds.stream().filter(user::canSee).distinct().toList();
        var statuses = Arrays.stream(CaseStatus.values()).filter(s -> CaseFilingGate.mayStartOn(processKey, s)).toList();
        List<CaseStartRule> own = rules.orderedStream().filter(r -> r.processKey().equals(processKey)).toList();
        List<EnforcementCase> found = new ArrayList<>();
        for (int offset = 0; offset < MAX_SCANNED && found.size() < LIMIT; offset += LIMIT) {
            List<EnforcementCase> chunk = cases.findByAgenciesInStatus(visible, statuses, offset, LIMIT);
            chunk.stream().filter(c -> own.stream().allMatch(r -> r.accepts(c, user.id())))
                    .limit(LIMIT - found.size()).forEach(found::add);
            if (chunk.size() < LIMIT) {
                break;
            }
        }
        return found;
    }
}
