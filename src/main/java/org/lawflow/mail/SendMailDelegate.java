package org.lawflow.mail;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.documents.DelegateFields;
import org.lawflow.documents.TemplateValues;
import org.springframework.stereotype.Component;

/**
 * Service task "发送邮件": fields {@code recipients} (comma list of tokens, see {@link MailRecipients}),
 * {@code template} (templates/mail/&lt;template&gt;.txt), optional {@code attachDocuments} (latest of each
 * DocumentKind), {@code attachPackage} (the PackageKind built in this process instance) and {@code deadlineName}.
 * Sent by {@link CaseMailer}, once per recipient and step.
 */
@Component("sendMailDelegate")
class SendMailDelegate implements JavaDelegate {

    private final CaseMailer mailer;

    /** Injected by the engine from camunda:field; only fallbacks, see {@link DelegateFields}. */
    private Expression recipients;
    private Expression template;
    private Expression attachDocuments;
    private Expression attachPackage;
    private Expression deadlineName;

    SendMailDelegate(CaseMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DelegateFields fields = DelegateFields.of(execution);
        List<String> tokens = fields.list("recipients", recipients);
        if (tokens.isEmpty()) {
            throw new IllegalStateException("Service task " + execution.getCurrentActivityId()
                    + " needs camunda:field 'recipients'");
        }
        mailer.send(execution, DelegateFields.step(execution).replace('#', '-'), new CaseMailer.Request(
                fields.required("template", template), tokens, fields.list("attachDocuments", attachDocuments),
                fields.get("attachPackage", attachPackage), fields.get("deadlineName", deadlineName), due(execution)));
    }

    /** Variable {@code due}, else the earliest due date of an open task of this process instance. */
    private static String due(DelegateExecution execution) {
        Object due = execution.getVariable("due");
        if (due != null) {
            return TemplateValues.text(due);
        }
        var task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).dueAfter(new Date(0)).orderByDueDate().asc()
                .listPage(0, 1);
        return task.isEmpty() ? null : TemplateValues.text(task.get(0).getDueDate());
    }
}
