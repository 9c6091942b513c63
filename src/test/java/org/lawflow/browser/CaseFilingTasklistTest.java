package org.lawflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The head approves 立案 in a real browser: Tasklist login, the Camunda Form in Chinese, Complete. */
@LawFlowSpringTest
class CaseFilingTasklistTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired TaskService taskService;

    @Test
    void headApprovesCaseFilingInTasklist() throws Exception {
        var api = new ApiClient(rest);
        var created = api.post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang")).json();
        String caseId = created.get("id").asText();
        String caseNo = created.get("caseNo").asText();
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();

        decideInTasklist(port, taskService, taskId, caseNo, "同意立案", "事实清楚，证据确凿，同意立案", "case-filing-approval");
        var details = api.get("zhangwei", "/api/cases/" + caseId).json();
        assertThat(details.at("/case/status").asText()).isEqualTo("FILED");
        assertThat(details.at("/events").toString()).contains("zhaomin", "同意立案");
    }

    /** zhaomin opens 审批立案 in Tasklist, chooses {@code decision} with {@code opinion} and completes it. */
    static void decideInTasklist(int port, TaskService taskService, String taskId, String caseNo, String decision,
            String opinion, String screenshot) throws Exception {
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            try {
                browser.loginToTasklist("zhaomin");
                browser.openTask(taskId);
                assertThat(browser.pageText()).contains("立案审批", caseNo);
                browser.clickLabel(decision);
                browser.field("Field_FilingOpinion").sendKeys(opinion);
                browser.complete();
                Awaitility.await().atMost(Duration.ofSeconds(20))
                        .until(() -> taskService.createTaskQuery().taskId(taskId).count() == 0);
            } finally {
                browser.screenshot(screenshot);
            }
        }
    }
}
