package org.lawflow.monitor;

import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Workflow figures for {@code /actuator/prometheus}: running instances per process, open and overdue tasks,
 * open incidents and failed jobs. Counted across all agencies whoever scrapes (the scrape itself is restricted
 * to supervisors and administrators).
 */
@Component
class WorkflowMetrics implements MeterBinder {

    /** The processes of the interface contract plus the case-filing approval. */
    static final List<String> PROCESSES = List.of("case-filing-approval", "major-decision-review", "hearing-notice",
            "criminal-case-transfer", "discipline-clue-transfer");

    private final ProcessEngine engine;

    WorkflowMetrics(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String process : PROCESSES) {
            Gauge.builder("lawflow.process.instances.active", () -> unrestricted(() -> engine.getRuntimeService()
                    .createProcessInstanceQuery().processDefinitionKey(process).active().count()))
                    .tag("process", process).description("正在运行的流程实例").register(registry);
        }
        Gauge.builder("lawflow.tasks.open", () -> unrestricted(() -> engine.getTaskService().createTaskQuery().count()))
                .description("待办任务").register(registry);
        Gauge.builder("lawflow.tasks.overdue", () -> unrestricted(() -> engine.getTaskService().createTaskQuery()
                .dueBefore(new Date()).count())).description("已超过法定期限的待办任务").register(registry);
        Gauge.builder("lawflow.incidents.open", () -> unrestricted(() -> engine.getRuntimeService()
                .createIncidentQuery().count())).description("未处理的流程事故（Cockpit）").register(registry);
        Gauge.builder("lawflow.jobs.failing", () -> unrestricted(() -> engine.getManagementService()
                .createJobQuery().withException().withRetriesLeft().count()))
                .description("失败后等待重试的作业（文书、邮件）").register(registry);
    }

    /** Counts without the scraping user's tenant filter, then restores it. */
    private double unrestricted(Supplier<Long> count) {
        var identity = engine.getIdentityService();
        Authentication current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return count.get();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }
}
