package org.lawflow.mail;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.documents.TemplateValues;
import org.springframework.stereotype.Component;

/**
 * The one reminder pattern of every model: a user task's {@code timeout} task listener
 * {@code delegateExpression="${deadlineReminder}"} whose timer is the task's own due date
 * ({@code ${taskDueDate.of(execution)}}). When it fires, the task is still open: the people the
 * {@link ReminderSettings} name are mailed, the task stays where it is. The timer job runs the mail, so an SMTP
 * failure is retried and then becomes an incident like any other mail step.
 */
@Component("deadlineReminder")
class DeadlineReminder implements TaskListener {

    private final CaseMailer mailer;

    /** Set by the engine from the listener's camunda:fields; unused: {@link ReminderSettings} reads the model. */
    @SuppressWarnings("unused")
    private org.camunda.bpm.engine.delegate.Expression recipients;
    @SuppressWarnings("unused")
    private org.camunda.bpm.engine.delegate.Expression template;
    @SuppressWarnings("unused")
    private org.camunda.bpm.engine.delegate.Expression deadlineName;

    DeadlineReminder(CaseMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void notify(DelegateTask task) {
        ReminderSettings settings = ReminderSettings.of(task);
        if (settings.recipients().isEmpty()) {
            throw new IllegalStateException("任务 " + task.getName() + " 的期限提醒没有收件人");
        }
        // one reminder per task instance: a task entered again (a loop) is a new task and is reminded again
        String step = task.getTaskDefinitionKey() + "-reminder-" + task.getId();
        mailer.send(task.getExecution(), step, new CaseMailer.Request(settings.template(), settings.recipients(),
                java.util.List.of(), null, settings.deadlineName(), TemplateValues.text(task.getDueDate())));
    }
}
