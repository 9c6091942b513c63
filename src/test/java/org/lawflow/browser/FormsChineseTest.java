package org.lawflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No English reaches an officer in a Camunda Form (issue #30): every form of forms/ is opened in Tasklist (zh-CN) and
 * everything the page shows or speaks is read, also after 完成 on the empty form (form-js's validation messages), with
 * each date picker open (month and weekday names) and each select list open.
 */
@LawFlowSpringTest
class FormsChineseTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;

    @Test
    void everyFormSpeaksChineseAlsoInItsMessagesAndDatePickers() throws Exception {
        List<String> english = new ArrayList<>();
        Set<String> logins = new java.util.HashSet<>();
        engine.getIdentityService().createUserQuery().list().forEach(u -> logins.add(u.getId()));
        Set<String> seen = new LinkedHashSet<>();
        var filed = new Flows(new ApiClient(rest), engine).filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        try (FormGallery gallery = new FormGallery(engine, "zhangwei",
                Map.of("caseId", filed.id(), "caseNo", filed.caseNo()));
                Browser browser = Browser.open("http://localhost:" + port)) {
            try {
                browser.loginToTasklist("zhangwei");
                for (var form : gallery.tasks.entrySet()) {
                    browser.openTask(form.getValue());
                    browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector(".form-actions button.btn-primary")));
                    Thread.sleep(300);
                    check(browser, form.getKey() + " (opened)", english, seen, logins);
                    openPickersAndLists(browser, form.getKey(), english, seen, logins);
                    // empty: the required fields' messages appear, or the form goes in; a form already showing its
                    // messages (a date picker closed empty) has 完成 disabled
                    WebElement complete = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector(".form-actions button.btn-primary")));
                    if (complete.isEnabled()) {
                        browser.complete();
                        // the messages show, or the task is done and Tasklist has left it (else it would drop the
                        // next task's link when it does)
                        browser.wait.until(d -> !d.findElements(By.cssSelector(".fjs-form-field-error li, "
                                + ".page-notifications .alert")).isEmpty()
                                || engine.getTaskService().createTaskQuery().taskId(form.getValue()).count() == 0
                                        && !d.getCurrentUrl().contains(form.getValue()));
                    }
                    Thread.sleep(500);
                    check(browser, form.getKey() + " (completed empty)", english, seen, logins);
                }
            } finally {
                browser.screenshot("forms-chinese");
            }
            assertThat(seen).as("the forms were read").anySatisfy(t -> assertThat(t).contains("此项为必填项"));
            assertThat(seen).as("a date picker was read").anySatisfy(t -> assertThat(t).contains("周一"));
        }
        assertThat(english).as("English in Tasklist's Camunda Forms").isEmpty();
    }

    private static void openPickersAndLists(Browser browser, String form, List<String> english, Set<String> seen,
            Set<String> logins) {
        var js = (JavascriptExecutor) browser.driver;
        for (WebElement input : browser.driver.findElements(By.cssSelector(".fjs-form .fjs-datepicker input"))) {
            if (!input.isDisplayed() || !input.isEnabled()) {
                continue;
            }
            js.executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
            input.click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
            check(browser, form + " (date picker)", english, seen, logins);
            new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        }
        for (WebElement select : browser.driver.findElements(By.cssSelector(".fjs-form .fjs-form-field-select .fjs-input-group"))) {
            if (!select.isDisplayed()) {
                continue;
            }
            js.executeScript("arguments[0].scrollIntoView({block: 'center'});", select);
            select.click();
            check(browser, form + " (select open)", english, seen, logins);
            new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        }
    }

    private static void check(Browser browser, String where, List<String> english, Set<String> seen,
            Set<String> logins) {
        seen.addAll(PageTexts.collect(browser.driver));
        PageTexts.english(browser.driver, logins).forEach(t -> english.add(where + " → " + t));
    }
}
