package org.lawflow.mail;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.lawflow.agency.AgencyRepository;
import org.lawflow.casefile.Cases;
import org.lawflow.system.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the task mails of {@link TaskMails} outside the transaction that queued them: right after its commit on a
 * thread of its own, and every minute (lawflow.mail.task-mails.sweep) whatever is still unsent. A failed mail is
 * tried again five minutes later, up to {@link #ATTEMPTS} times in all (as the mail jobs, R5/PT5M), then stays
 * FAILED (counted by lawflow_mails_failed). A mail is claimed before sending (status SENDING), so two nodes never
 * send it both; its Message-ID is fixed, so a mail a node sent just before crashing comes again with the same id.
 * Runs on the nodes that run jobs ({@code camunda.bpm.job-execution.enabled}); tests call {@link #sendPending()}.
 */
@Component
class TaskMailOutbox implements DisposableBean {

    static final int ATTEMPTS = 6;
    static final Duration RETRY = Duration.ofMinutes(5);
    /** A mail still SENDING this long after its last try was left by a node that stopped: it is tried again. */
    static final Duration STUCK = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(TaskMailOutbox.class);

    private final MailRecords records;
    private final MailDelivery delivery;
    private final TaskService taskService;
    private final Cases cases;
    private final AgencyRepository agencies;
    private final String tasklistUrl;
    private final boolean active;
    private final MailTemplates templates = new MailTemplates();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "lawflow-task-mail");
        thread.setDaemon(true);
        return thread;
    });

    TaskMailOutbox(MailRecords records, MailDelivery delivery, TaskService taskService, Cases cases,
            AgencyRepository agencies,
            @Value("${lawflow.mail.tasklist-url:http://localhost:8080/camunda/app/tasklist/default/}") String tasklistUrl,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean active) {
        this.records = records;
        this.delivery = delivery;
        this.taskService = taskService;
        this.cases = cases;
        this.agencies = agencies;
        this.tasklistUrl = tasklistUrl.endsWith("/") ? tasklistUrl : tasklistUrl + "/";
        this.active = active;
    }

    /** After the current transaction commits, sends these mails on the outbox's thread. */
    void sendAfterCommit(List<String> messageIds) {
        if (!active || messageIds.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // the sweep finds them
        }
        List<String> ids = List.copyOf(messageIds);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.execute(() -> ids.forEach(id -> records.find(id).ifPresent(r -> trySend(r))));
            }
        });
    }

    @Scheduled(fixedDelayString = "${lawflow.mail.task-mails.sweep:PT1M}", initialDelayString = "PT30S")
    void sweep() {
        if (active) {
            sendPending();
        }
    }

    /** Sends every unsent task mail whose time has come; returns how many went out. */
    int sendPending() {
        int sent = 0;
        OffsetDateTime now = ChinaTime.nowOffset();
        for (MailRecord r : records.unsent(TaskMails.TEMPLATES, 500)) {
            if (due(r, now) && trySend(r)) {
                sent++;
            }
        }
        return sent;
    }

    private static boolean due(MailRecord r, OffsetDateTime now) {
        return switch (r.status()) {
            case MailRecord.PENDING -> true;
            case MailRecord.FAILED -> r.attempts() < ATTEMPTS
                    && !r.createdAt().plus(RETRY.multipliedBy(r.attempts())).isAfter(now);
            case MailRecord.SENDING -> !r.createdAt().plus(RETRY.multipliedBy(r.attempts())).plus(STUCK).isAfter(now);
            default -> false;
        };
    }

    /** Claims and sends one mail; true when it went out. Never throws: a failure is recorded and retried. */
    private boolean trySend(MailRecord r) {
        if (r.done() || !records.claim(r)) {
            return false;
        }
        try {
            String taskId = r.activityId().substring(r.template().length() + 1);
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                records.save(r.with(MailRecord.SKIPPED, "任务已办结，未发送", null));
                return false;
            }
            var c = cases.findById(r.caseId()).orElseThrow();
            var agency = agencies.get(c.agencyId());
            Map<String, Object> model = new HashMap<>();
            model.put("case", c);
            model.put("agency", agency);
            model.put("taskName", task.getName());
            model.put("created", task.getCreateTime());
            model.put("due", task.getDueDate());
            model.put("offered", task.getAssignee() == null);
            model.put("link", tasklistUrl + "#/?task=" + task.getId());
            var text = templates.render(r.template(), model);
            delivery.send(r.messageId(), agency.name(), new MailRecipients.Recipient(r.recipientToken(),
                    r.recipient(), null), text, List.of());
            records.save(r.withSubject(text.subject()).with(MailRecord.SENT, null, ChinaTime.nowOffset()));
            return true;
        } catch (RuntimeException e) {
            log.warn("任务邮件 {} 发送失败（将重试）：{}", r.messageId(), e.getMessage());
            String error = String.valueOf(e.getMessage());
            records.save(r.with(MailRecord.FAILED, error.length() > 1900 ? error.substring(0, 1900) : error, null));
            return false;
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }
}
