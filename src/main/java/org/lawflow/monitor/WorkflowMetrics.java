package org.lawflow.monitor;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.lawflow.system.ChinaTime;
import org.lawflow.identity.EngineAuthentication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Workflow figures for {@code /actuator/prometheus}: running instances per process, open and overdue tasks,
 * open incidents, failed jobs, mail steps pending and mails failed. Counted across all agencies whoever scrapes (the scrape itself is restricted
 * to supervisors and administrators).
 */
@Component
class WorkflowMetrics implements MeterBinder {

    /** The processes of the interface contract plus the case-filing approval. */
    static final List<String> PROCESSES = List.of("case-filing-approval", "major-decision-review", "hearing-notice",
            "criminal-case-transfer", "discipline-clue-transfer", "publication-withdrawal", "penalty-enforcement",
            "case-file-evaluation");

    private final ProcessEngine engine;
    private final EngineAuthentication engineAuthentication;
    private final JdbcTemplate jdbc;

    WorkflowMetrics(ProcessEngine engine, EngineAuthentication engineAuthentication, JdbcTemplate jdbc) {
        this.engineAuthentication = engineAuthentication;
        this.engine = engine;
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String process : PROCESSES) {
            Gauge.builder("lawflow.process.instances.active", () -> engineAuthentication.unrestricted(() -> engine.getRuntimeService()
                    .createProcessInstanceQuery().processDefinitionKey(process).active().count()))
                    .tag("process", process).description("正在运行的流程实例").register(registry);
        }
        Gauge.builder("lawflow.tasks.open", () -> engineAuthentication.unrestricted(() -> engine.getTaskService().createTaskQuery().count()))
                .description("待办任务").register(registry);
        Gauge.builder("lawflow.tasks.overdue", () -> engineAuthentication.unrestricted(() -> engine.getTaskService().createTaskQuery()
                .dueBefore(ChinaTime.nowDate()).count())).description("已超过法定期限的待办任务").register(registry);
        Gauge.builder("lawflow.incidents.open", () -> engineAuthentication.unrestricted(() -> engine.getRuntimeService()
                .createIncidentQuery().count())).description("未处理的流程事故（Cockpit）").register(registry);
        Gauge.builder("lawflow.jobs.failing", () -> engineAuthentication.unrestricted(() -> engine.getManagementService()
                .createJobQuery().withException().withRetriesLeft().count()))
                .description("失败后等待重试的作业（文书、邮件）").register(registry);
        Gauge.builder("lawflow.mails.pending", () -> engineAuthentication.unrestricted(this::pendingMailJobs))
                .description("等待发送的邮件步骤（sendMailDelegate 异步作业）").register(registry);
        Gauge.builder("lawflow.mails.failed", () -> {
            Long n = jdbc.queryForObject("select count(*) from mail_record where status = 'FAILED'", Long.class);
            return n == null ? 0 : n;
        }).description("发送失败、等待重试或在 Cockpit 中处理的邮件").register(registry);
    }

    /** Async jobs of the service tasks that send mail (delegate {@code sendMailDelegate}), not yet done. */
    private long pendingMailJobs() {
        var management = engine.getManagementService();
        long n = 0;
        for (var definition : management.createJobDefinitionQuery().jobType("async-continuation").list()) {
            if (mailStep(definition.getProcessDefinitionId(), definition.getActivityId())) {
                n += management.createJobQuery().jobDefinitionId(definition.getId()).count();
            }
        }
        return n;
    }

    private final java.util.Map<String, Boolean> mailSteps = new java.util.concurrent.ConcurrentHashMap<>();

    private boolean mailStep(String processDefinitionId, String activityId) {
        if (processDefinitionId == null || activityId == null) {
            return false;
        }
        return mailSteps.computeIfAbsent(processDefinitionId + "#" + activityId, k -> {
            var model = engine.getRepositoryService().getBpmnModelInstance(processDefinitionId);
            var element = model == null ? null : model.getModelElementById(activityId);
            return element instanceof org.camunda.bpm.model.bpmn.instance.ServiceTask task
                    && "${sendMailDelegate}".equals(task.getCamundaDelegateExpression());
        });
    }
}
