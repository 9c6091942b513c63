package org.lawflow.mail;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

/**
 * What a task's deadline reminder (its {@code timeout} task listener {@code ${deadlineReminder}}) sends, read from
 * the listener's {@code camunda:field}s in the model: {@code recipients} (tokens of {@code MailRecipients}, plus
 * {@code task}: whoever holds or is offered the task; default {@code task}), {@code template} (default {@code deadline-reminder}) and {@code deadlineName} (default: the
 * task's name + 期限).
 */
public record ReminderSettings(List<String> recipients, String template, String deadlineName) {

    public static final String DEFAULT_TEMPLATE = "deadline-reminder";
    /** The recipient token for the task's assignee, candidate users and candidate groups. */
    static final String HOLDERS = "task";

    public static ReminderSettings of(DelegateTask task) {
        String recipients = null;
        String template = null;
        String deadlineName = null;
        for (CamundaField field : reminderFields(task.getBpmnModelElementInstance())) {
            String value = field.getCamundaStringValue() != null ? field.getCamundaStringValue()
                    : field.getCamundaString() != null ? field.getCamundaString().getTextContent() : null;
            if (value == null || value.isBlank()) {
                continue;
            }
            switch (field.getCamundaName()) {
                case "recipients" -> recipients = value.strip();
                case "template" -> template = value.strip();
                case "deadlineName" -> deadlineName = value.strip();
                default -> throw new IllegalStateException("期限提醒不支持字段 " + field.getCamundaName());
            }
        }
        List<String> tokens = new ArrayList<>();
        for (String token : (recipients == null ? HOLDERS : recipients).split("[,，\\s]+")) {
            if (token.equals(HOLDERS)) {
                tokens.addAll(holders(task));
            } else if (!token.isBlank()) {
                tokens.add(token);
            }
        }
        return new ReminderSettings(tokens,
                template == null ? DEFAULT_TEMPLATE : template,
                deadlineName == null ? task.getName() + "期限" : deadlineName);
    }

    private static List<CamundaField> reminderFields(BaseElement task) {
        if (task == null || task.getExtensionElements() == null) {
            return List.of();
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                .filter(l -> TaskListener.EVENTNAME_TIMEOUT.equals(l.getCamundaEvent()))
                .flatMap(l -> l.getCamundaFields().stream()).toList();
    }

    /** The assignee, candidate users and candidate groups of the task, as recipient tokens. */
    private static List<String> holders(DelegateTask task) {
        List<String> tokens = new ArrayList<>();
        if (task.getAssignee() != null) {
            tokens.add("user:" + task.getAssignee());
        }
        tokens.addAll(candidates(task.getCandidates()));
        return tokens;
    }

    /** The candidate users and groups among a task's identity links, as recipient tokens. */
    static List<String> candidates(java.util.Collection<? extends IdentityLink> links) {
        List<String> tokens = new ArrayList<>();
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                tokens.add(link.getUserId() != null ? "user:" + link.getUserId() : "group:" + link.getGroupId());
            }
        }
        return tokens;
    }
}
