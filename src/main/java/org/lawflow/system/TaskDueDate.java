package org.lawflow.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.calendar.DateTimeUtil;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * {@code ${taskDueDate.of(execution)}}: the due date of the user task the execution is entering, computed from the
 * task's own {@code camunda:dueDate} expression. A timer on the task (its deadline reminder) names this instead of
 * repeating the task's period, so the reminder cannot drift from the task's deadline. The engine creates a task's
 * timers before the task itself can be read, hence the model's expression rather than the task.
 */
@Component("taskDueDate")
public class TaskDueDate {

    public Date of(DelegateExecution execution) {
        if (!(execution.getBpmnModelElementInstance() instanceof UserTask task) || task.getCamundaDueDate() == null) {
            throw new IllegalStateException("活动 " + execution.getCurrentActivityId() + " 不是设有办理期限的用户任务");
        }
        Object value = Context.getProcessEngineConfiguration().getExpressionManager()
                .createExpression(task.getCamundaDueDate()).getValue(execution);
        return toDate(value, task.getId());
    }

    private static Date toDate(Object value, String taskId) {
        if (value instanceof Date date) {
            return date;
        }
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof OffsetDateTime time) {
            return Date.from(time.toInstant());
        }
        if (value instanceof ZonedDateTime time) {
            return Date.from(time.toInstant());
        }
        if (value instanceof LocalDateTime time) {
            return Date.from(time.atZone(ChinaTime.ZONE).toInstant());
        }
        if (value instanceof LocalDate day) {
            return Date.from(day.plusDays(1).atStartOfDay(ChinaTime.ZONE).minusSeconds(1).toInstant());
        }
        if (value instanceof String text && !text.isBlank()) {
            return DateTimeUtil.parseDate(text.strip());
        }
        throw new IllegalStateException("用户任务 " + taskId + " 的办理期限无法计算：" + value);
    }
}
