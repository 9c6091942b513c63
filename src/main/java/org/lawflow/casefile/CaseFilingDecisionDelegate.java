package org.lawflow.casefile;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/** Records the head's 立案 decision on the case: approve → 已立案, reject → 不予立案. */
@Component("caseFilingDecisionDelegate")
class CaseFilingDecisionDelegate implements JavaDelegate {

    private final CaseRepository cases;

    CaseFilingDecisionDelegate(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = UUID.fromString((String) execution.getVariable(CaseFlows.VAR_CASE_ID));
        Object decision = execution.getVariable("filingDecision");
        CaseStatus status = switch (String.valueOf(decision)) {
            case "approve" -> CaseStatus.FILED;
            case "reject" -> CaseStatus.NOT_FILED;
            default -> throw new InvalidInputException("filingDecision", "审批意见必须为“同意立案”或“不予立案”");
        };
        // Only a still-registered case moves; a case already in review keeps its later status.
        cases.updateStatus(caseId, status, CaseStatus.REGISTERED);
    }
}
