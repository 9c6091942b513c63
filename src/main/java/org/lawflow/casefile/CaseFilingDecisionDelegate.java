package org.lawflow.casefile;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Records the head's 立案 decision on the case: approve → 已立案; reject → 不予立案, which closes the case and ends
 * its other running flows (a discipline clue transfer goes on: {@link CaseFilingGate#NO_FILING_NEEDED}).
 */
@Component("caseFilingDecisionDelegate")
class CaseFilingDecisionDelegate implements JavaDelegate {

    private final CaseRepository cases;
    private final CaseLifecycle lifecycle;
    private final CaseFlows flows;
    private final CaseEvents events;

    CaseFilingDecisionDelegate(CaseRepository cases, CaseLifecycle lifecycle, CaseFlows flows, CaseEvents events) {
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.flows = flows;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = UUID.fromString((String) execution.getVariable(CaseFlows.VAR_CASE_ID));
        switch (String.valueOf(execution.getVariable("filingDecision"))) {
            // Only a still-registered case moves; a case already in review keeps its later status.
            case "approve" -> lifecycle.filingApproved(caseId);
            case "reject" -> refuse(execution, caseId);
            default -> throw new InvalidInputException("filingDecision", "审批意见必须为“同意立案”或“不予立案”");
        }
    }

    /**
     * From whatever status: a flow that started before 立案 (possible before the gate existed) must not go on
     * against a party whose case was never filed.
     */
    private void refuse(DelegateExecution execution, UUID caseId) {
        Object opinion = execution.getVariable("filingOpinion");
        if (opinion == null || String.valueOf(opinion).isBlank()) {
            throw new InvalidInputException("filingOpinion", "不予立案须写明理由");
        }
        EnforcementCase c = cases.findById(caseId).orElseThrow(() -> new IllegalStateException("案件不存在：" + caseId));
        List<String> ended = flows.end(c, execution.getProcessInstanceId(), CaseFilingGate.NO_FILING_NEEDED,
                "负责人决定不予立案，案件终结");
        lifecycle.filingRefused(caseId);
        var head = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        events.record(caseId, head == null ? null : head.getUserId(), "审批立案", "决定不予立案，案件终结",
                "不予立案理由：" + String.valueOf(opinion).strip()
                        + (ended.isEmpty() ? "" : "；终止进行中的流程：" + String.join("、", ended)));
    }
}
