package org.lawflow.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.lawflow.calendar.CalendarNotCoveredException;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.casefile.CaseDetailsContributor;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.identity.EngineAuthentication;
import org.springframework.stereotype.Component;

/**
 * Section "deadlines" of {@code GET /api/cases/{id}}: the case's overall decision limit (行政处罚法第六十条, 90 days
 * from 立案). The tasks carry their own due dates; this one spans the whole procedure, so it is shown here. When
 * it reaches a year whose holidays are not yet entered, it says so instead of guessing. A limit the head extended
 * shows the new date as {@code due}, the 90 days as {@code statutoryDue}.
 */
@Component
class DecisionLimitContributor implements CaseDetailsContributor {

    private final StatutoryDeadlines deadlines;
    private final HistoryService history;
    private final EngineAuthentication engineAuthentication;

    DecisionLimitContributor(StatutoryDeadlines deadlines, HistoryService history,
            EngineAuthentication engineAuthentication) {
        this.deadlines = deadlines;
        this.history = history;
        this.engineAuthentication = engineAuthentication;
    }

    @Override
    public String section() {
        return "deadlines";
    }

    @Override
    public Object contribute(EnforcementCase c) {
        Map<String, Object> limit = new LinkedHashMap<>();
        limit.put("name", StatutoryPeriod.DECISION_LIMIT.chineseName());
        limit.put("from", c.filedOn());
        if (c.filedOn() == null) {
            limit.put("problem", "尚未立案");
            return List.of(limit);
        }
        try {
            var d = deadlines.deadline(StatutoryPeriod.DECISION_LIMIT, c.filedOn());
            limit.put("due", d.due());
            limit.put("rule", d.rule());
            limit.put("basis", d.basis());
            String extended = extendedLimit(c);
            if (extended != null) {
                limit.put("statutoryDue", d.due());
                limit.put("due", java.time.LocalDate.parse(extended));
                limit.put("rule", "经负责人批准延长至" + extended + "（原期限：" + d.rule() + "）");
            }
        } catch (CalendarNotCoveredException e) {
            limit.put("basis", StatutoryPeriod.DECISION_LIMIT.basis());
            limit.put("problem", "期限届满日所在年度（" + e.year() + "年）的法定节假日尚未录入，请系统管理员录入后再计算");
        }
        return List.of(limit);
    }

    /**
     * The limit the head approved in the case's latest review ({@code decisionLimitOn}), or null. The case is already
     * visible to the user; the review's history is read without the user's engine authorizations.
     */
    private String extendedLimit(EnforcementCase c) {
        return engineAuthentication.unrestricted(() -> {
            var reviews = history.createHistoricProcessInstanceQuery().processDefinitionKey(ReviewVariables.PROCESS_KEY)
                    .processInstanceBusinessKey(c.caseNo()).tenantIdIn(c.agencyId()).orderByProcessInstanceStartTime()
                    .desc().listPage(0, 1);
            if (reviews.isEmpty()) {
                return null;
            }
            var extended = history.createHistoricVariableInstanceQuery().processInstanceId(reviews.get(0).getId())
                    .variableName(DecisionLimitExtensionDelegate.LIMIT).list();
            return extended.isEmpty() || extended.get(0).getValue() == null ? null
                    : String.valueOf(extended.get(0).getValue());
        });
    }
}
