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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * A major decision walked in Tasklist by the demo users, checking at each form what the person deciding reads there
 * (#30): zhangwei submits the proposal and sees facts and evidence; after the 复核 lowered the fine, wangfang's 法制审核
 * shows the 复核 with its amount and reasons and opens the case's PDF in the same browser session; zhaomin's
 * 负责人决定 shows the reviewer's opinion and reasons in words (no APPROVE, no user ids, no tenant id), and its 说明 tab
 * the task's BPMN documentation. The dossier page opens from the form with the same login.
 */
@LawFlowSpringTest
class DossierTasklistTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    private static final List<String> RAW_CODES = List.of("HELD", "NONE", "APPROVE", "FINE", "PARTLY", "xining",
            "zhangwei", "wangfang", "liqiang");

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired TaskService taskService;
    @Autowired ProcessEngine processEngine;

    @Test
    void eachDeciderReadsTheDossierInTheFormAndOpensThePdfsWithTheTasklistLogin() throws Exception {
        var api = new ApiClient(rest);
        var flows = new Flows(api, processEngine);
        // a small fine (no hearing rights) that concerns a major public interest: legal review is required
        var filed = flows.caseUnderReview(3000, "majorPublicInterest");

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            try {
                // a cold Tasklist loads its scripts once; on a busy machine that takes longer than a login waits
                browser.driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
                new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(180)).until(
                        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
                // zhangwei: the proposal, with the facts and the evidence it rests on
                browser.loginToTasklist("zhangwei");
                String submitId = flows.task(filed.caseNo(), "Task_SubmitProposedDecision").getId();
                browser.openTask(submitId);
                String submit = dossierText(browser);
                assertThat(submit).contains("提交拟处罚决定", filed.caseNo(), "西宁火车站载客收费", "现场检查笔录一份",
                        "《中华人民共和国道路运输条例》第六十三条", "罚款3000元", "李强、张伟", "办理人：张伟");
                browser.screenshot("dossier-1-submit");
                browser.click("Field_ProposalConfirmed");
                browser.complete();
                awaitDone(submitId);

                flows.runJobs(filed.caseNo());
                flows.done("zhangwei", filed.caseNo(), "Task_RecordNoticeDelivery",
                        Map.of("noticeDeliveredOn", ApiClient.todayInChina(), "deliveryMethod", "DIRECT"));
                flows.done("zhangwei", filed.caseNo(), "Task_RecordStatement", Map.of("partyStated", true,
                        "recheckResult", "PARTLY", "statementSummary", "初次违法，已停止经营",
                        "revisedFineAmount", 2500, "opinion", "部分采纳，减为二千五百元"));

                // wangfang: the 复核 with its amount and reasons, the facts, and the notice as a PDF
                browser.loginToTasklist("wangfang");
                String reviewId = flows.task(filed.caseNo(), "Task_ReviewLegality").getId();
                browser.openTask(reviewId);
                String review = dossierText(browser);
                assertThat(review).contains("重大行政执法决定法制审核", "拟处罚：罚款2500元", "西宁火车站载客收费",
                        "对当事人的询问笔录", "马建国", "陈述申辩复核", "罚款2500元——张伟", "部分采纳，减为二千五百元",
                        "听证情况", "未举行听证", "违法行为通知书");
                assertNoRawCodes(review);
                assertThat(fetchFirstPdf(browser)).isEqualTo("%PDF");
                browser.screenshot("dossier-2-review");
                for (String check : List.of("Field_CheckSubject", "Field_CheckAuthority", "Field_CheckProcedure",
                        "Field_CheckFacts", "Field_CheckLawApplied", "Field_CheckDiscretion", "Field_CheckDocuments")) {
                    browser.click(check);
                }
                browser.clickLabel("同意");
                browser.field("Field_ReviewReasons").sendKeys("复核减为二千五百元有据，裁量适当，同意。");
                browser.complete();
                awaitDone(reviewId);
                flows.runJobs(filed.caseNo());

                // zhaomin: the reviewer's opinion and reasons, the amounts of every stage, the 说明
                browser.loginToTasklist("zhaomin");
                String headId = flows.task(filed.caseNo(), "Task_HeadDecision").getId();
                browser.openTask(headId);
                String head = dossierText(browser);
                assertThat(head).contains("负责人决定", "法制审核意见：同意", "复核减为二千五百元有据，裁量适当，同意。",
                        "审核意见：同意", "法制审核（王芳，", "拟处罚决定", "罚款3000元——张伟", "罚款2500元——张伟",
                        "待认领：负责人（");
                assertNoRawCodes(head);
                assertThat(browser.pageText()).as("no tenant id in Tasklist's task header").doesNotContain("xining");
                browser.screenshot("dossier-3-head");
                // 说明: the task's BPMN documentation (switching tabs renders the form anew: before filling it in)
                browser.driver.findElement(By.xpath("//*[contains(@class,'nav-tabs')]//*[normalize-space(.)='说明']"))
                        .click();
                browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                        "负责人根据调查结果、陈述申辩复核、听证笔录和法制审核意见"));
                browser.screenshot("dossier-4-description");
                browser.driver.findElement(By.xpath("//*[contains(@class,'nav-tabs')]//*[normalize-space(.)='表单']"))
                        .click();
                assertThat(dossierText(browser)).contains("办理人：赵敏");
                browser.clickLabel("给予行政处罚");
                browser.field("Field_DecisionOpinion").sendKeys("同意法制审核意见，罚款二千五百元。");
                browser.complete();
                awaitDone(headId);

                // the whole dossier as a page, opened from Tasklist without a second login
                browser.driver.get("http://localhost:" + port + "/desk/cases/"
                        + java.net.URLEncoder.encode(filed.caseNo(), java.nio.charset.StandardCharsets.UTF_8));
                browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.document")));
                String page = browser.pageText();
                assertThat(page).contains("负责人决定（赵敏，", "同意法制审核意见，罚款二千五百元。", "决定的处罚", "罚款2500元");
                browser.screenshot("dossier-5-page");
                // the page allows no scripts (CSP): its PDF link is fetched from Tasklist, in the same session
                String pdf = browser.driver.findElement(By.cssSelector("a.document")).getAttribute("href");
                browser.driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
                browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks]")));
                assertThat(fetch(browser, pdf)).isEqualTo("%PDF");
            } finally {
                browser.screenshot("dossier-last");
            }
        }
    }

    private void awaitDone(String taskId) {
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> taskService.createTaskQuery().taskId(taskId).count() == 0);
    }

    /** The form's text once its dossier (the html component filled from the variable dossier) is rendered. */
    private static String dossierText(Browser browser) {
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form .lawflow-dossier table")));
        WebElement form = browser.driver.findElement(By.cssSelector(".fjs-form"));
        return form.getText();
    }

    private static void assertNoRawCodes(String text) {
        for (String code : RAW_CODES) {
            assertThat(text).as("raw code or id " + code).doesNotContain(code);
        }
    }

    /** Fetches the first PDF link of the page in this browser (its cookies), returns the file's first 4 bytes. */
    private static String fetchFirstPdf(Browser browser) {
        WebElement link = browser.driver.findElement(By.cssSelector(".fjs-form a.lawflow-document"));
        return fetch(browser, link.getAttribute("href"));
    }

    /** Fetches {@code url} in this browser (its cookies), returns the answer's first 4 bytes. */
    private static String fetch(Browser browser, String url) {
        Object head = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
                  .then(b => done(String.fromCharCode(...new Uint8Array(b.slice(0, 4)))))
                  .catch(e => done('failed ' + e));
                """, url);
        return String.valueOf(head);
    }
}
