package org.lawflow.review;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.Cases;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.system.ChinaTime;
import org.springframework.stereotype.Component;

/**
 * The 90-day limit (行政处罚法第六十条) in force and when its reminders fire: 90 days from 立案, or the later date the
 * head approved ({@code decisionLimitOn}). The reminders keep their distance to the limit: before an extension the
 * first at day 60 and the second at day 80 from 立案; after one, as many days before the new limit (30 and 10 by
 * default). The timers at the start are set before the first step has read the case, so 立案日期 comes from the start
 * variables ({@code POST /api/cases/{id}/review} passes it) or, for a start from Tasklist with only a case number,
 * from the case. Public because the model's expressions call it (JUEL resolves methods of public classes only).
 */
@Component("decisionLimitReminders")
public class DecisionLimitReminders {

    private final StatutoryDeadlines deadlines;
    private final Cases cases;

    DecisionLimitReminders(StatutoryDeadlines deadlines, Cases cases) {
        this.deadlines = deadlines;
        this.cases = cases;
    }

    /** When the reminder {@code period} fires, counted towards the limit in force. */
    public Date due(DelegateExecution execution, String period) {
        LocalDate extended = extendedLimit(execution);
        if (extended == null) {
            return deadlines.due(period, filedOn(execution));
        }
        StatutoryPeriod reminder = StatutoryPeriod.valueOf(period);
        LocalDate day = extended.minusDays(
                deadlines.amount(StatutoryPeriod.DECISION_LIMIT) - (long) deadlines.amount(reminder));
        while (!deadlines.isWorkingDay(day) && day.isBefore(extended)) {
            day = day.plusDays(1);
        }
        return deadlines.endOfDay(day);
    }

    /** Whether the reminder {@code period} is still to come (after an extension its day may have passed already). */
    public boolean ahead(DelegateExecution execution, String period) {
        return due(execution, period).after(ChinaTime.nowDate());
    }

    /**
     * A due date the limit sets: {@code statutory} (the model counts it with {@code deadlines.due('DECISION_LIMIT', …)},
     * so a provisional count is logged for recomputation), unless the head extended the limit.
     */
    public Date inForce(VariableScope scope, Date statutory) {
        LocalDate extended = extendedLimit(scope);
        return extended == null ? statutory : deadlines.endOfDay(extended);
    }

    /** The last day of the limit in force. */
    LocalDate limitOn(VariableScope scope) {
        LocalDate extended = extendedLimit(scope);
        return extended != null ? extended
                : deadlines.due(StatutoryPeriod.DECISION_LIMIT.name(), filedOn(scope)).toInstant()
                        .atZone(deadlines.zone()).toLocalDate();
    }

    /** 23:59:59 of {@code day}: how the limit's due dates are stored. */
    Date endOfDay(LocalDate day) {
        return deadlines.endOfDay(day);
    }

    private static LocalDate extendedLimit(VariableScope scope) {
        String extended = ReviewVariables.string(scope, DecisionLimitExtensionDelegate.LIMIT);
        return extended == null || extended.isEmpty() ? null : LocalDate.parse(extended);
    }

    private Object filedOn(VariableScope scope) {
        Object filedOn = scope.getVariable(ReviewVariables.FILED_ON);
        if (filedOn == null) {
            filedOn = theCase(scope).map(EnforcementCase::filedOn).map(Object::toString)
                    .orElse(ChinaTime.today().toString());
        }
        return filedOn;
    }

    private Optional<EnforcementCase> theCase(VariableScope scope) {
        if (scope.getVariable(CaseFlows.VAR_CASE_ID) != null) {
            return cases.findById(ReviewVariables.caseId(scope));
        }
        String caseNo = ReviewVariables.string(scope, CaseFlows.VAR_CASE_NO);
        String tenant = scope instanceof DelegateExecution e ? e.getTenantId()
                : scope instanceof DelegateTask t ? t.getTenantId() : null;
        return caseNo == null ? Optional.empty() : cases.findByCaseNo(tenant, caseNo);
    }
}
