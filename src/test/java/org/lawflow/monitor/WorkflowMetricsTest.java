package org.lawflow.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The workflow gauges move with the work, whoever (of the allowed roles) scrapes. */
@LawFlowSpringTest
class WorkflowMetricsTest {

    @RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension smtp =
            new com.icegreen.greenmail.junit5.GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;

    @Test
    void registeringACaseRaisesRunningInstancesAndOpenTasks() {
        var api = new ApiClient(rest);
        double instancesBefore = gauge(api, "lawflow_process_instances_active\\{[^}]*process=\"case-filing-approval\"[^}]*}");
        double tasksBefore = gauge(api, "lawflow_tasks_open(\\{[^}]*})?");
        assertThat(api.post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang")).status()).isEqualTo(201);
        assertThat(gauge(api, "lawflow_process_instances_active\\{[^}]*process=\"case-filing-approval\"[^}]*}"))
                .isEqualTo(instancesBefore + 1);
        assertThat(gauge(api, "lawflow_tasks_open(\\{[^}]*})?")).isEqualTo(tasksBefore + 1);
        assertThat(scrape(api)).contains("lawflow_incidents_open", "lawflow_tasks_overdue", "lawflow_jobs_failing", "lawflow_mails_pending",
                "lawflow_mails_failed");
    }

    @Test
    void aMailStepWaitingForItsJobIsPendingUntilTheMailIsSent() {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        var filed = flows.filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        String pending = "lawflow_mails_pending(\\{[^}]*})?";
        double before = gauge(api, pending);
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);
        var identity = engine.getIdentityService();
        identity.setAuthentication("zhangwei", List.of("officer"), List.of("xining"));
        try {
            engine.getTaskService().complete(flows.task(filed.caseNo(), "Task_SubmitProposedDecision").getId(),
                    Map.of("proposalConfirmed", true));
        } finally {
            identity.clearAuthentication();
        }
        // the 违法行为通知书 is generated; its mail step to the party now waits as a job
        var management = engine.getManagementService();
        var instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(filed.caseNo()).processDefinitionKey("major-decision-review").singleResult();
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId())
                .activityId("Task_GenerateViolationNotice").singleResult().getId());
        assertThat(gauge(api, pending)).isEqualTo(before + 1);
        flows.runJobs(filed.caseNo());
        assertThat(gauge(api, pending)).isEqualTo(before);
        assertThat(smtp.getReceivedMessages()).isNotEmpty();
    }

    private static String scrape(ApiClient api) {
        var response = api.get("sunli", "/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static double gauge(ApiClient api, String nameRegex) {
        Matcher m = Pattern.compile("(?m)^" + nameRegex + " ([0-9.eE+-]+)$").matcher(scrape(api));
        assertThat(m.find()).as(nameRegex).isTrue();
        return Double.parseDouble(m.group(m.groupCount()));
    }
}
