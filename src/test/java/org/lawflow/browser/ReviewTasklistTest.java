package org.lawflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The legal review in a real browser: zhangwei submits the proposed decision in Tasklist, wangfang fills the
 * review checklist in the Camunda Form and agrees, and zhaomin then finds the head decision in her Tasklist.
 */
@LawFlowSpringTest
class ReviewTasklistTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired TaskService taskService;
    @Autowired ProcessEngine processEngine;

    @Test
    void officerSubmitsReviewerAgreesAndTheHeadSeesTheDecisionTask() throws Exception {
        var api = new ApiClient(rest);
        var flows = new Flows(api, processEngine);
        // a small fine (no hearing rights) that concerns a major public interest: legal review is required
        // a small fine (no hearing rights) that concerns a major public interest: legal review is required
        var filed = flows.caseUnderReview(3000, "majorPublicInterest");

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            try {
                browser.loginToTasklist("zhangwei");
                String submitId = flows.task(filed.caseNo(), "Task_SubmitProposedDecision").getId();
                browser.openTask(submitId);
                assertThat(browser.pageText()).contains("提交拟处罚决定", filed.caseNo());
                browser.click("Field_ProposalConfirmed");
                browser.complete();
                Awaitility.await().atMost(Duration.ofSeconds(20))
                        .until(() -> taskService.createTaskQuery().taskId(submitId).count() == 0);

                flows.runJobs(filed.caseNo());
                taskService.complete(flows.task(filed.caseNo(), "Task_RecordNoticeDelivery").getId(),
                        Map.of("noticeDeliveredOn", ApiClient.todayInChina(), "deliveryMethod", "DIRECT"));
                taskService.complete(flows.task(filed.caseNo(), "Task_RecordStatement").getId(),
                        Map.of("partyStated", false, "statementWaived", true, "opinion", "当事人明确放弃陈述申辩"));

                browser.loginToTasklist("wangfang");
                String reviewId = flows.task(filed.caseNo(), "Task_ReviewLegality").getId();
                browser.openTask(reviewId);
                assertThat(browser.pageText()).contains("法制审核", filed.caseNo());
                for (String check : List.of("Field_CheckSubject", "Field_CheckAuthority", "Field_CheckProcedure",
                        "Field_CheckFacts", "Field_CheckLawApplied", "Field_CheckDiscretion", "Field_CheckDocuments")) {
                    browser.click(check);
                }
                browser.clickLabel("同意");
                browser.field("Field_ReviewReasons").sendKeys("主体合法，程序正当，事实清楚，适用法律正确，裁量适当。");
                browser.complete();
                Awaitility.await().atMost(Duration.ofSeconds(20))
                        .until(() -> taskService.createTaskQuery().taskId(reviewId).count() == 0);
                flows.runJobs(filed.caseNo());

                browser.loginToTasklist("zhaomin");
                // the head decision is a group task: it appears under the filter 本组待办
                browser.wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[text()[normalize-space(.)='本组待办']]"))).click();
                browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasks]"),
                        "负责人决定"));
                assertThat(browser.pageText()).contains("负责人决定");
            } finally {
                browser.screenshot("review-tasklist");
            }
        }
        assertThat(flows.task(filed.caseNo(), "Task_HeadDecision")).isNotNull();
        var details = api.get("zhangwei", "/api/cases/" + filed.id()).json();
        assertThat(details.at("/events").toString()).contains("wangfang", "法制审核");
    }
}
