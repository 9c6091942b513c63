package org.lawflow.mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.lawflow.agency.AgencyRepository;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.Cases;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.ParseListeners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails about a person's tasks, for every user task of every model (added at parse time, {@link ParseListeners}):
 * <ul>
 * <li>待办到达 ({@code task-arrival}): when a task is created, to its assignee, or else to its candidate users and the
 * members of its candidate groups in the case's agency; when someone else assigns a task to a person, to that
 * person;</li>
 * <li>即将到期 ({@code task-due-soon}): once per task, when it comes within the due-soon window (monitor's
 * {@code DueSoonMails}) and was not already inside it when it arrived, to whoever holds or is offered it.</li>
 * </ul>
 * They are written to mail_record as PENDING in the transaction that created the task and sent after it commits by
 * {@link TaskMailOutbox}, never inside it: a slow or failing mail server neither delays nor fails the person who
 * completed the previous step. The link opens the task in Tasklist; times are China time. On by default;
 * {@code lawflow.mail.task-mails.enabled=false} turns both off.
 */
@Component
public class TaskMails extends AbstractProcessEnginePlugin {

    static final String ARRIVAL = "task-arrival";
    static final String DUE_SOON = "task-due-soon";
    static final List<String> TEMPLATES = List.of(ARRIVAL, DUE_SOON);

    private static final Logger log = LoggerFactory.getLogger(TaskMails.class);

    // lazily: these need the engine that this plugin helps to build
    private final ObjectProvider<MailRecipients> recipients;
    private final ObjectProvider<TaskService> taskService;
    private final ObjectProvider<TaskMailOutbox> outbox;
    private final Cases cases;
    private final AgencyRepository agencies;
    private final MailRecords records;
    private final TransactionTemplate transaction;
    private final boolean enabled;

    TaskMails(ObjectProvider<MailRecipients> recipients, ObjectProvider<TaskService> taskService,
            ObjectProvider<TaskMailOutbox> outbox, Cases cases, AgencyRepository agencies, MailRecords records,
            PlatformTransactionManager transactionManager,
            @Value("${lawflow.mail.task-mails.enabled:true}") boolean enabled) {
        this.recipients = recipients;
        this.taskService = taskService;
        this.outbox = outbox;
        this.cases = cases;
        this.agencies = agencies;
        this.records = records;
        this.transaction = new TransactionTemplate(transactionManager);
        this.enabled = enabled;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!enabled) {
            return;
        }
        ParseListeners.onUserTasks(configuration, (processKey, activityId, task) -> {
            task.addTaskListener(TaskListener.EVENTNAME_CREATE, this::arrived);
            task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, this::assigned);
        });
    }

    private void arrived(DelegateTask task) {
        List<String> tokens = task.getAssignee() != null ? List.of("user:" + task.getAssignee())
                : ReminderSettings.candidates(task.getCandidates());
        enqueue(ARRIVAL, task.getId(), task.getProcessInstanceId(), task.getProcessDefinitionId(), tokens,
                task::getVariable);
    }

    /** A task someone assigns to another person arrives to that person (claiming it oneself sends nothing). */
    private void assigned(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = authentication == null ? null : authentication.getUserId();
        if (task.getAssignee() != null && !task.getAssignee().equals(actor)) {
            enqueue(ARRIVAL, task.getId(), task.getProcessInstanceId(), task.getProcessDefinitionId(),
                    List.of("user:" + task.getAssignee()), task::getVariable);
        }
    }

    /**
     * Queues the 即将到期 mail of each task (each in its own transaction; a task reminded before, here or by another
     * node, is skipped); returns how many mails were queued.
     */
    public int remindDueSoon(Collection<Task> tasks) {
        int queued = 0;
        for (Task task : enabled ? tasks : List.<Task>of()) {
            try {
                Integer n = transaction.execute(status -> {
                    var links = taskService.getObject().getIdentityLinksForTask(task.getId());
                    List<String> tokens = new ArrayList<>();
                    if (task.getAssignee() != null) {
                        tokens.add("user:" + task.getAssignee());
                    }
                    tokens.addAll(ReminderSettings.candidates(links));
                    return enqueue(DUE_SOON, task.getId(), task.getProcessInstanceId(), task.getProcessDefinitionId(),
                            tokens, name -> taskService.getObject().getVariable(task.getId(), name));
                });
                queued += n == null ? 0 : n;
            } catch (DataIntegrityViolationException alreadyQueuedByAnotherNode) {
                log.debug("即将到期提醒已由其他节点登记：{}", task.getId());
            }
        }
        return queued;
    }

    /** Writes one PENDING mail per recipient with an address, unless recorded before; sent after the commit. */
    private int enqueue(String template, String taskId, String processInstanceId, String processDefinitionId,
            List<String> tokens, Function<String, Object> variables) {
        Object caseVariable = variables.apply(CaseFlows.VAR_CASE_ID);
        if (!(caseVariable instanceof String caseIdText) || tokens.isEmpty()) {
            return 0;
        }
        UUID caseId = UUID.fromString(caseIdText);
        var c = cases.findById(caseId).orElse(null);
        if (c == null) {
            return 0;
        }
        var agency = agencies.get(c.agencyId());
        boolean restricted = processDefinitionId != null
                && processDefinitionId.startsWith(CaseFlows.DISCIPLINE_CLUE_TRANSFER + ":");
        String step = template + "-" + taskId;
        List<String> queued = new ArrayList<>();
        for (var recipient : recipients.getObject().resolve(tokens, c, agency, variables)) {
            String messageId = CaseMailer.messageId(caseId, processInstanceId, step, recipient);
            if (recipient.address() == null || records.find(messageId).isPresent()) {
                continue;
            }
            records.insert(new MailRecord(UUID.randomUUID(), messageId, caseId, c.agencyId(), processInstanceId,
                    step, template, recipient.token(), recipient.address(), null, "", MailRecord.PENDING, restricted,
                    0, null, ChinaTime.nowOffset(), null));
            queued.add(messageId);
        }
        outbox.getObject().sendAfterCommit(queued);
        return queued.size();
    }
}
