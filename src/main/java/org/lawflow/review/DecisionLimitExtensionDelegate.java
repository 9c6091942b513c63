package org.lawflow.review;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.casefile.CaseEvents;
import org.springframework.stereotype.Component;

/**
 * Records the head-approved new decision limit in the case's full-process record and keeps it as
 * {@code decisionLimitOn}, the limit in force from now on ({@link DecisionLimitReminders}). The open tasks of the
 * review whose due date was the old limit move to the new one, each move recorded like a recomputed deadline; tasks
 * created later and the reminders still to come count towards the new limit by themselves.
 */
@Component("decisionLimitExtensionDelegate")
class DecisionLimitExtensionDelegate implements JavaDelegate {

    static final String LIMIT = "decisionLimitOn";

    private final CaseEvents events;
    private final DecisionLimitReminders limit;

    DecisionLimitExtensionDelegate(CaseEvents events, DecisionLimitReminders limit) {
        this.events = events;
        this.limit = limit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String newLimit = ReviewVariables.string(execution, DecisionLimitExtensionGuard.NEW_LIMIT);
        newLimit = newLimit.length() > 10 ? newLimit.substring(0, 10) : newLimit;
        LocalDate before = limit.limitOn(execution);
        execution.setVariable(LIMIT, newLimit);
        String approvedBy = ReviewVariables.string(execution, DecisionLimitExtensionGuard.APPROVED_BY);
        events.record(ReviewVariables.caseId(execution), approvedBy, "延长办案期限",
                "负责人批准延长作出行政处罚决定的期限", "延长至：" + newLimit + "；理由："
                        + ReviewVariables.string(execution, DecisionLimitExtensionGuard.REASON));
        moveOpenTasks(execution, before, LocalDate.parse(newLimit), approvedBy);
    }

    private void moveOpenTasks(DelegateExecution execution, LocalDate before, LocalDate after, String approvedBy) {
        Date old = limit.endOfDay(before);
        var taskService = execution.getProcessEngineServices().getTaskService();
        for (var task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            if (task.getDueDate() == null || task.getDueDate().getTime() != old.getTime()) {
                continue;
            }
            task.setDueDate(limit.endOfDay(after));
            taskService.saveTask(task);
            events.record(ReviewVariables.caseId(execution), approvedBy, "法定期限", "期限变更（负责人批准延长办案期限）",
                    "任务“" + task.getName() + "”（" + StatutoryPeriod.DECISION_LIMIT.chineseName() + "）：" + before
                            + " → " + after + "。");
        }
    }
}
