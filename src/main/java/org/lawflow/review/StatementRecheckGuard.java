package org.lawflow.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.system.ChinaTime;
import org.lawflow.casefile.Cases;
import org.lawflow.system.InputChecks;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 陈述申辩与复核 (行政处罚法第四十五条、第六十二条): the decision may not go on before the party was heard or the period
 * ran out, unless the party expressly waived; and the penalty may not be raised because the party defended itself.
 */
@Component("statementRecheckGuard")
class StatementRecheckGuard implements TaskListener {

    private static final String REVISED_FINE = "revisedFineAmount";
    private final Cases cases;

    StatementRecheckGuard(Cases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean stated = ReviewVariables.isTrue(task, "partyStated");
        boolean waived = ReviewVariables.isTrue(task, "statementWaived");
        Date due = task.getDueDate();
        LocalDate today = ChinaTime.today();
        if (!stated && !waived && due != null
                && !today.isAfter(due.toInstant().atZone(ChinaTime.ZONE).toLocalDate())) {
            throw new InvalidInputException("partyStated",
                    "陈述申辩期限尚未届满，当事人未提出陈述申辩也未明确放弃，暂不能继续");
        }
        if (stated && blank(ReviewVariables.string(task, "recheckResult"))) {
            throw new InvalidInputException("recheckResult", "当事人提出陈述申辩的，必须记录复核意见");
        }
        BigDecimal revised = InputChecks.amount(REVISED_FINE, task.getVariable(REVISED_FINE));
        // compared with the case file's proposed fine, not with a variable a client could have set
        if (revised != null && revised.compareTo(cases.findById(ReviewVariables.caseId(task)).orElseThrow().fineAmount()) > 0) {
            throw new InvalidInputException(REVISED_FINE, "不得因当事人陈述申辩而加重处罚（行政处罚法第四十五条）");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
