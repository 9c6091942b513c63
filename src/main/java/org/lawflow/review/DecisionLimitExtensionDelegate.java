package org.lawflow.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.casefile.CaseEvents;
import org.springframework.stereotype.Component;

/**
 * Records the head-approved new decision limit in the case's full-process record and keeps it as
 * {@code decisionLimitOn}, the limit a later extension is compared with.
 */
@Component("decisionLimitExtensionDelegate")
class DecisionLimitExtensionDelegate implements JavaDelegate {

    static final String LIMIT = "decisionLimitOn";

    private final CaseEvents events;

    DecisionLimitExtensionDelegate(CaseEvents events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String newLimit = ReviewVariables.string(execution, DecisionLimitExtensionGuard.NEW_LIMIT);
        newLimit = newLimit.length() > 10 ? newLimit.substring(0, 10) : newLimit;
        execution.setVariable(LIMIT, newLimit);
        events.record(ReviewVariables.caseId(execution),
                ReviewVariables.string(execution, DecisionLimitExtensionGuard.APPROVED_BY), "延长办案期限",
                "负责人批准延长作出行政处罚决定的期限", "延长至：" + newLimit + "；理由："
                        + ReviewVariables.string(execution, DecisionLimitExtensionGuard.REASON));
    }
}
