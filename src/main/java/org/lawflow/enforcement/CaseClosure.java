package org.lawflow.enforcement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.CaseLifecycle;
import org.lawflow.casefile.CaseStatus;
import org.lawflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** 结案: the head approved; the case becomes 已结案 (a case also under criminal transfer stays 已移送). */
@Component("caseClosureDelegate")
class CaseClosure implements JavaDelegate {

    private final CaseLifecycle lifecycle;
    private final CaseEvents events;

    CaseClosure(CaseLifecycle lifecycle, CaseEvents events) {
        this.lifecycle = lifecycle;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var caseId = ProcessVariables.caseId(execution);
        CaseStatus status = lifecycle.closedAfterPerformance(caseId);
        events.record(caseId, "system", "执行与结案", status == CaseStatus.CLOSED ? "结案" : "执行完毕（移送尚未办结）",
                CaseLifecycle.Event.PENALTY_PERFORMED.label() + "："
                        + ProcessVariables.string(execution, EnforcementVariables.PERFORMANCE_SUMMARY));
    }
}
