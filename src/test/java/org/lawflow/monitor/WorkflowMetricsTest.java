package org.lawflow.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The workflow gauges move with the work, whoever (of the allowed roles) scrapes. */
@LawFlowSpringTest
class WorkflowMetricsTest {

    @Autowired TestRestTemplate rest;

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
