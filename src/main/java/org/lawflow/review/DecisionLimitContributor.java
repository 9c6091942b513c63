package org.lawflow.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lawflow.calendar.CalendarNotCoveredException;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.casefile.CaseDetailsContributor;
import org.lawflow.casefile.EnforcementCase;
import org.springframework.stereotype.Component;

/**
 * Section "deadlines" of {@code GET /api/cases/{id}}: the case's overall decision limit (行政处罚法第六十条, 90 days
 * from 立案). The tasks carry their own due dates; this one spans the whole procedure, so it is shown here. When
 * it reaches a year whose holidays are not yet entered, it says so instead of guessing.
 */
@Component
class DecisionLimitContributor implements CaseDetailsContributor {

    private final StatutoryDeadlines deadlines;

    DecisionLimitContributor(StatutoryDeadlines deadlines) {
        this.deadlines = deadlines;
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
        } catch (CalendarNotCoveredException e) {
            limit.put("basis", StatutoryPeriod.DECISION_LIMIT.basis());
            limit.put("problem", "期限届满日所在年度（" + e.year() + "年）的法定节假日尚未录入，请系统管理员录入后再计算");
        }
        return List.of(limit);
    }
}
