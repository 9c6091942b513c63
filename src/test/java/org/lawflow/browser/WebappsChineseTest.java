package org.lawflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lawflow.LawFlowSpringTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Welcome, Admin and Cockpit speak Chinese to a browser set to zh-CN, like Tasklist (our zh.json per app). */
@LawFlowSpringTest
class WebappsChineseTest {

    @LocalServerPort int port;

    @Test
    void welcomeLoginAndApplicationListAreInChinese() throws Exception {
        try (Browser browser = Browser.open(base())) {
            try {
                browser.driver.get(base() + "/camunda/app/welcome/default/");
                assertChineseLoginForm(browser);

                browser.login("welcome", "sunli"); // a supervisor: Tasklist and Cockpit
                browser.wait.until(d -> browser.pageText().contains("监控中心"));
                assertThat(browser.pageText()).contains("应用", "监控中心", "任务列表", "个人信息", "修改密码")
                        .doesNotContain("Applications", "Change password");
            } finally {
                browser.screenshot("welcome-chinese");
            }
        }
    }

    @Test
    void adminDashboardAndUserListAreInChinese() throws Exception {
        try (Browser browser = Browser.open(base())) {
            try {
                browser.driver.get(base() + "/camunda/app/admin/default/");
                assertChineseLoginForm(browser);

                browser.login("admin", "admin");
                browser.wait.until(d -> browser.pageText().contains("授权"));
                assertThat(browser.pageText()).contains("用户", "组", "租户", "授权", "系统")
                        .doesNotContain("Authorizations", "Tenants");

                browser.driver.get(base() + "/camunda/app/admin/default/#/users");
                browser.wait.until(d -> browser.pageText().contains("用户列表"));
                browser.wait.until(d -> browser.pageText().contains("张伟")); // every user, not only the admin itself
                assertThat(browser.pageText()).contains("添加用户", "电子邮箱", "管理员")
                        .doesNotContain("List of Users", "Add user");
            } finally {
                browser.screenshot("admin-chinese");
            }
        }
    }

    @Test
    void cockpitDashboardIsInChinese() throws Exception {
        try (Browser browser = Browser.open(base())) {
            try {
                browser.driver.get(base() + "/camunda/app/cockpit/default/");
                assertChineseLoginForm(browser);

                browser.login("cockpit", "sunli"); // supervisors watch the flows in Cockpit
                browser.wait.until(d -> browser.pageText().contains("运行中的流程实例"));
                assertThat(browser.pageText()).contains("流程", "决策", "人工任务", "未解决的故障", "部署")
                        .doesNotContain("Running Process Instances", "Open Incidents", "Deployments");

                browser.driver.get(base() + "/camunda/app/cockpit/default/#/processes");
                browser.wait.until(d -> browser.pageText().contains("运行中的实例")); // the table loads after the header
                assertThat(browser.pageText()).contains("个流程定义已部署", "状态", "名称")
                        .doesNotContain("Running Instances", "process definitions deployed");
            } finally {
                browser.screenshot("cockpit-chinese");
            }
        }
    }

    private static void assertChineseLoginForm(Browser browser) {
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name='signinForm']")));
        WebElement submit = form.findElement(By.cssSelector("button[type='submit']"));
        browser.wait.until(d -> submit.getText().trim().equals("登录"));
        assertThat(form.findElement(By.cssSelector("input[type='text']")).getAttribute("placeholder")).isEqualTo("用户名");
        assertThat(form.findElement(By.cssSelector("input[type='password']")).getAttribute("placeholder")).isEqualTo("密码");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
