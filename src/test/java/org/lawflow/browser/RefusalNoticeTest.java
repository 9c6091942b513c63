package org.lawflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
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
 * A rule's refusal in Tasklist (issue #30): the head decides a fine above the proposal, HeadDecisionGuard refuses; the
 * notice tells the Chinese reason and nothing of the engine, and leaves 完成 and 保存 uncovered, so the head corrects
 * the amount and completes.
 */
@LawFlowSpringTest
class RefusalNoticeTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;

    @Test
    void theRefusalsReasonShowsAndCompleteStaysClickable() throws Exception {
        var flows = new Flows(new ApiClient(rest), engine);
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
                Awaitility.await().atMost(Duration.ofSeconds(20))
                        .until(() -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
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
}
