package org.lawflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Issue #28 item 4 in a real browser. 集体讨论: the head picks the attendees from the agency's heads (no user ids typed),
 * the form shows a row per attendee, she picks each row's attendee and enters his or her view, and the 集体讨论记录 lists
 * both with their views. 不予立案: a review of a case not yet
 * filed is refused, the head refuses 立案 in Tasklist with reasons, and nothing is left running on the case.
 */
@LawFlowSpringTest
class CollectiveDiscussionTasklistTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ProcessEngine processEngine;

    @Test
    void theHeadPicksTheAttendeesAndRecordsEachOnesView() throws Exception {
        var api = new ApiClient(rest);
        var flows = new Flows(api, processEngine);
        String today = ApiClient.todayInChina();
        var filed = flows.caseAtLegalReview(3000, "complexCase", today); // 情节复杂: collective discussion
        flows.approveLegalReview(filed.caseNo(), "同意");
        String taskId = flows.task(filed.caseNo(), "Task_CollectiveDiscussion").getId();

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            try {
                browser.loginToTasklist("zhaomin");
                browser.openTask(taskId);
                assertThat(browser.pageText()).contains("集体讨论", filed.caseNo(), "不少于2人");
                browser.typeDate("Field_DiscussedOn", LocalDate.parse(today));
                browser.pickTags("Field_Attendees", "赵敏（正职负责人）", "钱磊（副职负责人）");
                browser.pickOption("Field_DiscussionAttendee1", "赵敏（正职负责人）");
                browser.field("Field_DiscussionView1").sendKeys("事实清楚，同意罚款三千元。");
                browser.pickOption("Field_DiscussionAttendee2", "钱磊（副职负责人）");
                browser.field("Field_DiscussionView2").sendKeys("同意，当事人系初次违法。");
                assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector(
                        ".fjs-form [id$='-Field_DiscussionAttendee3']"))).as("a row per attendee").isEmpty();
                browser.clickLabel("给予行政处罚");
                browser.screenshot("collective-discussion-filled");
                browser.complete();
                Awaitility.await().atMost(Duration.ofSeconds(20))
                        .until(() -> taskService.createTaskQuery().taskId(taskId).count() == 0);
            } finally {
                browser.screenshot("collective-discussion");
                browser.savePage("collective-discussion");
            }
        }
        flows.runJobs(filed.caseNo());

        var views = historyService.createHistoricVariableInstanceQuery().variableName("discussionAttendeeViews")
                .processInstanceId(flows.task(filed.caseNo(), "Task_HeadDecision").getProcessInstanceId()).singleResult();
        assertThat(String.valueOf(views.getValue())).isEqualTo("[{\"attendee\":\"zhaomin\",\"name\":\"赵敏\","
                + "\"role\":\"正职负责人\",\"view\":\"事实清楚，同意罚款三千元。\"},{\"attendee\":\"qianlei\",\"name\":\"钱磊\","
                + "\"role\":\"副职负责人\",\"view\":\"同意，当事人系初次违法。\"}]");
        JsonNode details = api.get("zhangwei", "/api/cases/" + filed.id()).json();
        assertThat(details.at("/events").toString()).contains("赵敏（正职负责人）：事实清楚，同意罚款三千元。",
                "钱磊（副职负责人）：同意，当事人系初次违法。");
        String record = null;
        for (JsonNode d : api.get("zhangwei", "/api/cases/" + filed.id() + "/documents").json()) {
            if (d.get("kind").asText().equals("COLLECTIVE_DISCUSSION")) {
                record = d.get("id").asText();
            }
        }
        assertThat(record).as("集体讨论记录").isNotNull();
        String text = pdfText(record).replaceAll("\\s+", "");
        assertThat(text).contains("参加人员赵敏、钱磊", "赵敏（正职负责人）事实清楚，同意罚款三千元。",
                "钱磊（副职负责人）同意，当事人系初次违法。", "给予行政处罚").doesNotContain("zhaomin", "qianlei");
    }

    @Test
    void aReviewBeforeFilingIsRefusedAndTheHeadRefusesFilingInTasklist() throws Exception {
        var api = new ApiClient(rest);
        var created = api.post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang")).json();
        String caseId = created.get("id").asText();
        String caseNo = created.get("caseNo").asText();
        var early = api.post("zhangwei", "/api/cases/" + caseId + "/review", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("立案尚未经执法部门负责人批准");
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        CaseFilingTasklistTest.decideInTasklist(port, taskService, taskId, caseNo, "不予立案", "违法事实不能成立，不予立案",
                "case-filing-refused");
        new Flows(api, processEngine).runJobs(caseNo);
        var details = api.get("zhangwei", "/api/cases/" + caseId).json();
        assertThat(details.at("/case/status").asText()).isEqualTo("NOT_FILED");
        assertThat(details.at("/events").toString()).contains("zhaomin", "不予立案", "违法事实不能成立");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count())
                .as("no flow left running on the case").isZero();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseNo).count()).isZero();
        var late = api.post("zhangwei", "/api/cases/" + caseId + "/review", null);
        assertThat(late.status()).as("still no review").isEqualTo(409);
        assertThat(late.body()).contains("负责人已决定不予立案");
    }

    private String pdfText(String documentId) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("zhangwei", "demo");
        byte[] pdf = rest.exchange("/api/documents/" + documentId, HttpMethod.GET, new HttpEntity<>(headers), byte[].class)
                .getBody();
        return org.lawflow.PdfText.of(pdf);
    }
}
