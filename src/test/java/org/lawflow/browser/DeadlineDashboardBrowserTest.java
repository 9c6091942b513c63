package org.lawflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The deadline dashboard in headless Chromium: sunli sees the overdue task of xining, zhoujie (haidong) does not. */
@LawFlowSpringTest
class DeadlineDashboardBrowserTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired TaskService taskService;

    @Test
    void supervisorSeesTheOverdueItemAnotherAgencyDoesNot() throws Exception {
        var created = new ApiClient(rest).post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(created.status()).isEqualTo(201);
        String caseNo = created.json().get("caseNo").asText();
        var task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        taskService.setDueDate(task.getId(), new Date(System.currentTimeMillis() - 2 * 86_400_000L));

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            try {
                login(browser, "sunli");
                browser.driver.get("http://localhost:" + port + "/monitor/deadlines");
                browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deadlines")));
                var row = browser.driver.findElement(By.xpath("//table[@id='deadlines']//tr[td[normalize-space(.)='"
                        + caseNo + "']]"));
                assertThat(row.getAttribute("class")).isEqualTo("OVERDUE");
                assertThat(row.getText()).contains("已逾期", "审批立案".substring(0, 2));
                assertThat(browser.pageText()).contains("法定期限看板", "孙丽");

                login(browser, "zhoujie");
                browser.driver.get("http://localhost:" + port + "/monitor/deadlines");
                browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
                assertThat(browser.pageText()).contains("法定期限看板").doesNotContain(caseNo);
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("deadline-dashboard");
                throw e;
            }
        }
    }

    /** HTTP Basic as the browser would send it after the login prompt (set through the DevTools protocol). */
    private static void login(Browser browser, String user) {
        var chrome = (ChromeDriver) browser.driver;
        String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + token)));
    }
}
