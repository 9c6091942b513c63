package org.lawflow.review;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.system.InputChecks;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 延长办案期限 (行政处罚法第六十条：九十日内作出决定，法律、法规、规章另有规定的从其规定): an extension needs the head's
 * reasons and a new limit later than the one in force; who approved it goes into {@code decisionLimitExtendedBy}
 * for the case record.
 */
@Component("decisionLimitExtensionGuard")
class DecisionLimitExtensionGuard implements TaskListener {

    static final String EXTENSION = "decisionLimitExtension";
    static final String APPROVE = "APPROVE";
    static final String NEW_LIMIT = "extendedDecisionLimitOn";
    static final String REASON = "extensionReason";
    static final String APPROVED_BY = "decisionLimitExtendedBy";

    private final DecisionLimitReminders limit;

    DecisionLimitExtensionGuard(DecisionLimitReminders limit) {
        this.limit = limit;
    }

    @Override
    public void notify(DelegateTask task) {
        String choice = ReviewVariables.string(task, EXTENSION);
        if (!APPROVE.equals(choice) && !"REJECT".equals(choice)) {
            throw new InvalidInputException(EXTENSION, "请选择是否批准延长办案期限");
        }
        String reason = ReviewVariables.string(task, REASON);
        if (reason == null || reason.isEmpty()) {
            throw new InvalidInputException(REASON, "批准或不批准延长办案期限，均须写明理由");
        }
        if (!APPROVE.equals(choice)) {
            return;
        }
        LocalDate newLimit = date(ReviewVariables.string(task, NEW_LIMIT));
        LocalDate current = limit.limitOn(task);
        if (!newLimit.isAfter(current)) {
            throw new InvalidInputException(NEW_LIMIT, "延长后的期限须晚于现有期限（" + current + "）");
        }
        var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        task.setVariable(APPROVED_BY, auth != null ? auth.getUserId()
                : task.getAssignee() != null ? task.getAssignee() : "system");
    }

    private static LocalDate date(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(NEW_LIMIT, "批准延长的，须填写延长后的期限");
        }
        return InputChecks.appointmentDate(NEW_LIMIT, InputChecks.parseDate(NEW_LIMIT, value));
    }
}
