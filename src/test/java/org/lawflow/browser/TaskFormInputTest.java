package org.lawflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.system.ChinaTime;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Officers' input in Tasklist's Camunda Forms (issue #30). Nothing typed is lost: in real tasks of the review each
 * form is filled the way a quick typist does it, with no pause, Tab from field to field and 完成 at once, and the
 * engine must store exactly what was typed (before the fix form-js's 300 ms delayed updates let a re-render erase the
 * text typed right after an amount, and the first letter typed after Tab). A rule's refusal is told in Chinese and
 * leaves 完成 and 保存 usable.
 */
@LawFlowSpringTest
class TaskFormInputTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired StatutoryDeadlines deadlines;

    @Test
    void quickTypingWithTabsIsStoredAsTyped() throws Exception {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        var filed = flows.caseNotified(3000, "majorPublicInterest", ApiClient.todayInChina());
        String caseNo = filed.caseNo();

        String hearingDay = deadlines.deadline(StatutoryPeriod.HEARING_NOTICE, ChinaTime.today(), "xining").due()
                .plusDays(1).toString();
        var heard = flows.caseAtHearingReport(hearingDay);
        String hearingOpinion = "当事人初次违法，积极配合调查，建议罚款二万元。";
        String summary = "当事人称系初次违法，车辆为家庭唯一生计来源，请求从轻处罚。";
        String recheck = "经复核，当事人所述属实，维持原拟处罚。";
        String reviewReasons = "主体合法，程序正当，事实清楚，适用法律正确，裁量适当。";
        String decisionReasons = "事实清楚，证据确凿，适用法律正确，依法减轻处罚。";
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            try {
                // 陈述申辩: tick, summary, Tab to nothing but the next field, then the explanation
                browser.loginToTasklist("zhangwei");
                String statement = flows.task(caseNo, "Task_RecordStatement").getId();
                browser.openTask(statement);
                browser.click("Field_PartyStated");
                browser.field("Field_StatementSummary").sendKeys(summary);
                browser.clickLabel("理由不成立，不予采纳");
                browser.field("Field_Opinion").sendKeys(recheck);
                browser.complete();
                awaitDone(statement);
                flows.runJobs(caseNo);

                // 法制审核: the amount and at once, after Tab, the reasons
                browser.loginToTasklist("wangfang");
                String review = flows.task(caseNo, "Task_ReviewLegality").getId();
                browser.openTask(review);
                for (String check : new String[] {"Field_CheckSubject", "Field_CheckAuthority", "Field_CheckProcedure",
                        "Field_CheckFacts", "Field_CheckLawApplied", "Field_CheckDiscretion", "Field_CheckDocuments"}) {
                    browser.click(check);
                }
                browser.clickLabel("同意");
                browser.field("Field_ReviewedFineAmount").sendKeys("2800", Keys.TAB, reviewReasons);
                browser.complete();
                awaitDone(review);
                flows.runJobs(caseNo);

                // 负责人决定 (the reported case): the amount replaced, Tab, the reason, 完成 with no pause
                browser.loginToTasklist("zhaomin");
                String decision = flows.task(caseNo, "Task_HeadDecision").getId();
                browser.openTask(decision);
                browser.clickLabel("给予行政处罚");
                browser.field("Field_DecidedFineAmount").sendKeys(Keys.chord(Keys.CONTROL, "a"), "2500", Keys.TAB,
                        decisionReasons);
                browser.complete();
                awaitDone(decision);

                // 听证报告: the opinion, Tab, the recommended amount, 完成 at once
                browser.loginToTasklist("chenjing");
                String report = flows.task(heard.caseNo(), "Task_WriteHearingReport").getId();
                browser.openTask(report);
                browser.field("Field_HearingOpinion").sendKeys(hearingOpinion, Keys.TAB, "20000");
                browser.complete();
                awaitDone(report);
            } finally {
                browser.screenshot("fast-typing");
            }
        }
        assertThat(stored(heard.caseNo(), "hearing-notice", "hearingOpinion")).isEqualTo(hearingOpinion);
        assertThat(stored(heard.caseNo(), "hearing-notice", "hearingRecommendedFineAmount")).isIn(20000L, 20000, 20000.0);
        assertThat(stored(caseNo, "major-decision-review", "statementSummary")).isEqualTo(summary);
        assertThat(stored(caseNo, "major-decision-review", "opinion")).isEqualTo(recheck);
        assertThat(stored(caseNo, "major-decision-review", "reviewedFineAmount")).isIn(2800L, 2800, 2800.0);
        assertThat(stored(caseNo, "major-decision-review", "reviewReasons")).isEqualTo(reviewReasons);
        assertThat(stored(caseNo, "major-decision-review", "decidedFineAmount")).isIn(2500L, 2500, 2500.0);
        assertThat(stored(caseNo, "major-decision-review", "decisionOpinion")).isEqualTo(decisionReasons);
    }

    @Test
    void theRefusalsReasonShowsAndCompleteStaysClickable() throws Exception {
        var flows = new Flows(new ApiClient(rest), engine);
        // the head decides a fine above the proposal: HeadDecisionGuard refuses
        var filed = flows.majorCaseAtLegalReview(ApiClient.todayInChina());
        flows.approveLegalReview(filed.caseNo(), "同意");
        String taskId = flows.task(filed.caseNo(), "Task_HeadDecision").getId();

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            try {
                browser.loginToTasklist("zhaomin");
                browser.openTask(taskId);
                browser.clickLabel("给予行政处罚");
                WebElement amount = browser.field("Field_DecidedFineAmount");
                amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), "99999");
                browser.field("Field_DecisionOpinion").sendKeys("事实清楚，证据确凿");
                browser.complete();

                WebElement notice = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".page-notifications .alert")));
                browser.wait.until(d -> notice.getText().contains("决定罚款金额不得高于拟处罚金额"));
                assertThat(notice.getText()).doesNotContain("ENGINE", "Cannot", "TaskListener", "decidedFineAmount");
                for (String button : new String[] {"完成", "保存"}) {
                    assertThat(uncovered(browser, button)).as(button + " is not covered by the notice").isTrue();
                }

                amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2000");
                browser.complete(); // a real click: it would fail if the notice were on top of the button
                awaitDone(taskId);
            } finally {
                browser.screenshot("refusal-notice");
            }
        }
    }

    /** Whether the element at the centre of the form's button with this text is the button itself. */
    private static boolean uncovered(Browser browser, String text) {
        WebElement button = browser.driver.findElement(By.xpath(
                "//div[contains(@class,'form-actions')]//button[normalize-space(.)='" + text + "']"));
        var js = (JavascriptExecutor) browser.driver;
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        return (Boolean) js.executeScript("""
                const b = arguments[0], r = b.getBoundingClientRect();
                const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return top === b || b.contains(top);
                """, button);
    }

    private void awaitDone(String taskId) {
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    }

    /** The value the case's flow stored for the variable. */
    private Object stored(String caseNo, String processKey, String name) {
        var instance = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey(processKey).singleResult();
        var variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).list();
        assertThat(variables).as(name).hasSize(1);
        return variables.get(0).getValue();
    }
}
