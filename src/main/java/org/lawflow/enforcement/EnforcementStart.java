package org.lawflow.enforcement;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.Cases;
import org.lawflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * 启动执行与结案 (major-decision-review, after 记录决定书送达): the served decision is now to be performed. Passes the
 * days the periods run from and the lead officer; whether there is a fine to pay is read from the penalty history,
 * and only that flag travels, never the amount. One enforcement per case.
 */
@Component("penaltyEnforcementStartDelegate")
class EnforcementStart implements JavaDelegate {

    private final Cases cases;
    private final CaseFlows flows;
    private final CaseEvents events;
    private final Enforcements enforcements;

    EnforcementStart(Cases cases, CaseFlows flows, CaseEvents events, Enforcements enforcements) {
        this.cases = cases;
        this.flows = flows;
        this.events = events;
        this.enforcements = enforcements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var c = flows.lockForStart(cases.findById(ProcessVariables.caseId(execution)).orElseThrow());
        if (flows.isRunning(EnforcementVariables.PROCESS_KEY, c)) {
            return;
        }
        boolean withFine = enforcements.decidedFine(c.id()).isPresent();
        Map<String, Object> variables = new HashMap<>();
        variables.put(EnforcementVariables.LEAD_OFFICER, ProcessVariables.string(execution, EnforcementVariables.LEAD_OFFICER));
        variables.put(EnforcementVariables.SERVED_ON, ProcessVariables.string(execution, EnforcementVariables.SERVED_ON));
        variables.put(EnforcementVariables.DECIDED_ON, ProcessVariables.string(execution, EnforcementVariables.DECIDED_ON));
        variables.put(EnforcementVariables.WITH_FINE, withFine);
        flows.start(EnforcementVariables.PROCESS_KEY, c, variables);
        events.record(c.id(), "system", "执行与结案", "启动执行与结案",
                withFine ? "决定书已送达，等待当事人缴纳罚款" : "决定书已送达，等待登记处罚决定的履行情况");
    }
}
