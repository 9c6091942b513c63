package org.lawflow.hearing;

import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.CaseStartRule;
import org.lawflow.casefile.EnforcementCase;
import org.springframework.stereotype.Component;

/** For the start form's case picker, what {@link HearingStartListener} requires: the case's officer, none running. */
@Component
class HearingStartRule implements CaseStartRule {

    private final CaseFlows flows;

    HearingStartRule(CaseFlows flows) {
        this.flows = flows;
    }

    @Override
    public String processKey() {
        return HearingVariables.PROCESS_KEY;
    }

    @Override
    public boolean accepts(EnforcementCase c, String userId) {
        return c.isOfficer(userId) && !flows.isRunning(HearingVariables.PROCESS_KEY, c);
    }
}
