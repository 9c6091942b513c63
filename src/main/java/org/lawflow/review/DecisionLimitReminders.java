package org.lawflow.review;

import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.Cases;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.system.ChinaTime;
import org.springframework.stereotype.Component;

/**
 * When the reminders of the 90-day limit (行政处罚法第六十条) fire: a period counted from 立案. The timers are set
 * when the instance starts, before the first step has read the case, so 立案日期 comes from the start variables
 * ({@code POST /api/cases/{id}/review} passes it) or, for a start from Tasklist with only a case number, from the case.
 * Public because the timer expressions call it (JUEL resolves methods of public classes only).
 */
@Component("decisionLimitReminders")
public class DecisionLimitReminders {

    private final StatutoryDeadlines deadlines;
    private final Cases cases;

    DecisionLimitReminders(StatutoryDeadlines deadlines, Cases cases) {
        this.deadlines = deadlines;
        this.cases = cases;
    }

    public Date due(DelegateExecution execution, String period) {
        Object filedOn = execution.getVariable(ReviewVariables.FILED_ON);
        if (filedOn == null) {
            filedOn = theCase(execution).map(EnforcementCase::filedOn).map(Object::toString)
                    .orElse(ChinaTime.today().toString());
        }
        return deadlines.due(period, filedOn);
    }

    private Optional<EnforcementCase> theCase(DelegateExecution execution) {
        if (execution.getVariable(CaseFlows.VAR_CASE_ID) != null) {
            return cases.findById(ReviewVariables.caseId(execution));
        }
        String caseNo = ReviewVariables.string(execution, CaseFlows.VAR_CASE_NO);
        return caseNo == null ? Optional.empty() : cases.findByCaseNo(execution.getTenantId(), caseNo);
    }
}
