package org.lawflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.identity.OperatorIncidents;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Cockpit for the operators and for a supervisor: the administrator (camunda-admin, no agency) sees the deployed
 * definitions and another agency's incident with the retry action; a supervisor sees the case's variables without
 * any add, edit or delete button. Nobody meets an English permission refusal.
 */
@LawFlowSpringTest
class OperatorCockpitBrowserTest {

    static final By VARIABLE_EDIT = By.cssSelector("[cam-widget-variables-table] .glyphicon-pencil");
    static final By VARIABLE_DELETE = By.cssSelector("[cam-widget-variables-table] .glyphicon-trash");
    static final By ADD_VARIABLE = By.cssSelector("a.btn-toolbar .glyphicon-plus");
    static final By CANCEL_INSTANCE = By.cssSelector("a.btn-toolbar .glyphicon-remove");
    static final By SUSPEND_INSTANCE = By.cssSelector("a.btn-toolbar .glyphicon-pause");
    static final By RETRY_INCIDENT = By.cssSelector("a[ng-click^='openJobRetryDialog']");

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

    @Test
    void operatorSeesTheDefinitionsAndAnotherAgencysIncidentAndMayRetryIt() throws Exception {
        String pi = OperatorIncidents.incidentIn(context, "haidong");
        try (Browser browser = cockpitAs("admin")) {
            try {
                browser.driver.get(base() + "/camunda/app/cockpit/default/#/processes");
                browser.wait.until(d -> browser.pageText().contains("运维故障测试"));
                assertThat(browser.pageText()).containsPattern("(^|\\D)[1-9]\\d* 个流程定义已部署");
                // the 更多 menu keeps 部署 (deployments), without batch operations, which operators may not start
                browser.driver.findElement(By.xpath("//a[contains(@class,'dropdown-toggle')][contains(.,'更多')]"))
                        .click();
                browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".Header a[href='#/repository']")));
                assertThat(browser.driver.findElements(By.cssSelector(".Header a[href='#/batch']"))).isNotEmpty()
                        .noneMatch(WebElement::isDisplayed);
                browser.screenshot("operator-cockpit-definitions");

                browser.driver.get(base() + "/camunda/app/cockpit/default/#/process-instance/" + pi
                        + "/runtime?tab=incidents-tab");
                browser.wait.until(d -> browser.pageText().contains(OperatorIncidents.FAILURE));
                browser.wait.until(ExpectedConditions.visibilityOfElementLocated(RETRY_INCIDENT));
                assertNotShown(browser, CANCEL_INSTANCE, SUSPEND_INSTANCE, ADD_VARIABLE);
                browser.screenshot("operator-cockpit-incident");

                // Cockpit's task dashboard needs READ on every task, which operators lack: no menu entry, and a
                // refusal reached by URL is in Chinese
                assertThat(browser.driver.findElements(By.cssSelector(".Header a[href='#/tasks']")))
                        .noneMatch(WebElement::isDisplayed);
                browser.driver.get(base() + "/camunda/app/cockpit/default/#/tasks");
                // the engine's refusal is translated by LawFlow's REST answer or, failing that, by the Cockpit script
                browser.wait.until(d -> browser.pageText().contains("当前用户无权执行此操作")
                        || browser.pageText().contains("您没有执行此操作的权限"));
                assertThat(browser.pageText()).doesNotContain("does not have", "permission");
                browser.screenshot("operator-cockpit-tasks-refused");
            } finally {
                browser.screenshot("operator-cockpit-last");
            }
        }
    }

    @Test
    void supervisorSeesTheVariablesWithoutAnyButtonToChangeThem() throws Exception {
        String pi = OperatorIncidents.incidentIn(context, "xining");
        try (Browser browser = cockpitAs("sunli")) {
            try {
                browser.driver.get(base() + "/camunda/app/cockpit/default/#/process-instance/" + pi
                        + "/runtime?tab=variables-tab");
                browser.wait.until(d -> browser.pageText().contains("partyName"));
                assertThat(browser.pageText()).contains("马建国");
                assertNotShown(browser, VARIABLE_EDIT, VARIABLE_DELETE, ADD_VARIABLE, CANCEL_INSTANCE,
                        SUSPEND_INSTANCE);
                browser.screenshot("supervisor-cockpit-variables");

                // what a supervisor may do stays: the failed mail of the own agency is retried from the incident
                browser.driver.get(base() + "/camunda/app/cockpit/default/#/process-instance/" + pi
                        + "/runtime?tab=incidents-tab");
                browser.wait.until(ExpectedConditions.visibilityOfElementLocated(RETRY_INCIDENT));
                assertThat(browser.pageText()).doesNotContain("does not have", "permission");
            } finally {
                browser.screenshot("supervisor-cockpit-last");
            }
        }
    }

    /** A browser signed in to Cockpit as {@code user}, on the dashboard. */
    private Browser cockpitAs(String user) throws Exception {
        Browser browser = Browser.open(base());
        browser.login("cockpit", user);
        browser.wait.until(d -> browser.pageText().contains("运行中的流程实例"));
        return browser;
    }

    /** Cockpit renders these controls, but none is visible (checked after the permission answers are in). */
    private static void assertNotShown(Browser browser, By... controls) {
        browser.wait.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return document.documentElement.classList.contains('lawflow-permissions-checked')"));
        for (By control : List.of(controls)) {
            assertThat(browser.driver.findElements(control)).as(control + " rendered").isNotEmpty()
                    .as(control + " hidden").noneMatch(WebElement::isDisplayed);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
