package org.lawflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lawflow.LawFlowSpringTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tasklist speaks Chinese to a browser set to zh-CN: the login form and the task list use our zh.json. */
@LawFlowSpringTest
class TasklistChineseTest {

    @LocalServerPort int port;

    @Test
    void tasklistLoginAndTaskListAreInChinese() throws Exception {
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            try {
                browser.driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
                WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("form[name='signinForm']")));
                WebElement submit = form.findElement(By.cssSelector("button[type='submit']"));
                browser.wait.until(d -> submit.getText().trim().equals("登录"));
                assertThat(form.findElement(By.cssSelector("input[type='text']")).getAttribute("placeholder"))
                        .isEqualTo("用户名");
                assertThat(form.findElement(By.cssSelector("input[type='password']")).getAttribute("placeholder"))
                        .isEqualTo("密码");

                browser.loginToTasklist("zhangwei");
                browser.wait.until(d -> browser.pageText().contains("发起流程"));
                assertThat(browser.pageText()).contains("发起流程", "新建任务").doesNotContain("Start process");
                browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//input[@placeholder='筛选任务']")));
                assertThat(browser.pageText()).contains("创建时间", "请在列表中选择任务。");
                // the header names the application in Chinese, not "Camunda Tasklist"
                assertThat(browser.driver.findElement(By.cssSelector(".navbar-brand")).getText())
                        .contains("待办任务").doesNotContain("Tasklist");
            } finally {
                browser.screenshot("tasklist-chinese");
            }
        }
    }
}
