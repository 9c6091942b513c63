package org.lawflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestClock;
import org.lawflow.TestSmtp;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.system.ChinaTime;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The hearing branch walked in Tasklist by the demo users (#30): a 30,000 元 fine gives the party hearing rights;
 * zhangwei records the party's written request, zhaomin picks 陈静 as host and a note-taker, chenjing schedules the
 * hearing with the date picker, zhangwei records the hearing notice's service, chenjing records the hearing on its
 * day and writes the report recommending 20,000 元, and wangfang's 法制审核 shows that recommendation. Each task is
 * found through a default filter of the left list and clicked there; each form is read for the dossier (facts,
 * evidence, amounts) in Chinese words, with no raw codes, user ids or tenant id.
 */
@LawFlowSpringTest
class HearingTasklistWalkTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    private static final List<String> RAW_CODES = List.of("HELD", "NONE", "APPROVE", "FINE", "REQUESTED", "WRITTEN",
            "DIRECT", "PRESENT", "xining", "zhangwei", "liqiang", "zhaomin", "chenjing", "wangfang", "sunli");
    private static final String MINE = "我的待办";
    private static final String GROUP = "本组待办";

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired StatutoryDeadlines deadlines;

    @Test
    void theHearingIsRequestedAppointedScheduledHeldAndReportedInTasklist() throws Exception {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        String today = ApiClient.todayInChina();
        var filed = flows.caseNotified(30000, null, today);
        String caseNo = filed.caseNo();
        flows.runJobs(caseNo);
        // served today, the hearing may be held once the notice period has passed
        LocalDate hearingDay = deadlines.deadline(StatutoryPeriod.HEARING_NOTICE, ChinaTime.today(), "xining").due()
                .plusDays(1);

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            try {
                // a cold Tasklist loads its scripts once; on a busy machine that takes longer than a login waits
                browser.driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
                new WebDriverWait(browser.driver, Duration.ofSeconds(180)).until(
                        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));

                // zhangwei: the party's written request for a hearing
                String request = open(browser, "zhangwei", MINE, caseNo, "等待或记录听证申请", "登记听证申请或放弃",
                        "西宁火车站载客收费", "现场检查笔录一份", "罚款30000元——张伟");
                browser.clickLabel("当事人申请听证");
                browser.typeDate("Field_RequestedOn", LocalDate.parse(today));
                browser.pickOption("Field_RequestChannel", "书面申请");
                browser.field("Field_RequestNote").sendKeys("当事人递交书面听证申请书一份");
                complete(browser, flows, caseNo, request, "hearing-walk-1-request");

                // zhaomin: 陈静 as host, 孙丽 as note-taker, picked by name; a group task, found in 本组待办
                String appoint = open(browser, "zhaomin", GROUP, caseNo, "指定听证主持人",
                        "本案调查人员：李强、张伟", "西宁火车站载客收费", "罚款30000元——张伟");
                browser.pickOption("Field_HearingHost", "陈静");
                browser.pickOption("Field_NoteTaker", "孙丽");
                complete(browser, flows, caseNo, appoint, "hearing-walk-2-appoint");

                // chenjing: the date with the date picker, the time, the place
                String schedule = open(browser, "chenjing", MINE, caseNo, "安排听证", "听证日期最早为",
                        "西宁火车站载客收费", "罚款30000元——张伟");
                browser.typeDate("Field_HearingAt", hearingDay);
                browser.typeTime("Field_HearingAt", "09:30");
                browser.field("Field_HearingPlace").sendKeys("支队听证室");
                // hearings are public unless a secret or privacy is at stake (第六十四条第三项): ticked already
                assertThat(browser.field("Field_HearingPublic").isSelected()).as("公开举行 by default").isTrue();
                complete(browser, flows, caseNo, schedule, "hearing-walk-3-schedule");

                // zhangwei: the hearing notice served today, directly
                String service = open(browser, "zhangwei", MINE, caseNo, "记录听证通知书送达",
                        "登记《听证通知书》送达", "支队听证室", "09:30", "西宁火车站载客收费");
                browser.typeDate("Field_HearingNoticeServedOn", LocalDate.parse(today));
                browser.pickOption("Field_HearingNoticeServiceMethod", "直接送达");
                browser.field("Field_HearingNoticeReceiptNo").sendKeys("SD-7");
                complete(browser, flows, caseNo, service, "hearing-walk-4-service");

                // chenjing, on the hearing day (it may be recorded only then): the record of the hearing
                ClockUtil.setCurrentTime(java.util.Date.from(hearingDay.atTime(10, 0).atZone(ChinaTime.ZONE).toInstant()));
                try {
                    String hearing = open(browser, "chenjing", MINE, caseNo, "举行听证并制作笔录",
                            "支队听证室", "西宁火车站载客收费", "对当事人的询问笔录", "罚款30000元——张伟");
                    browser.clickLabel("到场");
                    browser.field("Field_InvestigatorStatement").sendKeys("调查人员出示现场检查笔录和询问笔录，建议罚款三万元");
                    browser.field("Field_PartyDefence").sendKeys("初次违法，家庭经营困难，请求从轻处罚");
                    browser.field("Field_CrossExamination").sendKeys("当事人对证据无异议");
                    browser.click("Field_PartySigned");
                    complete(browser, flows, caseNo, hearing, "hearing-walk-5-hearing");
                } finally {
                    TestClock.restore();
                }

                // chenjing: the report, reading the hearing record in the dossier, recommends 20,000 元
                String report = open(browser, "chenjing", MINE, caseNo, "撰写听证报告",
                        "举行听证并制作笔录（陈静，", "听证笔录（", "罚款30000元——张伟", "已举行听证（听证报告待作出）",
                        "初次违法，家庭经营困难，请求从轻处罚");
                // the hearing's content reaches the report's writer through the 听证笔录 linked from the form
                assertThat(pdfText("chenjing", documentLink(browser, "听证笔录"))).contains(
                        "初次违法，家庭经营困难，请求从轻处罚", "当事人对证据无异议", "调查人员出示现场检查笔录和询问笔录",
                        "记录员孙丽");
                browser.field("Field_HearingOpinion").sendKeys("当事人初次违法，积极配合调查，建议罚款二万元。");
                browser.field("Field_HearingRecommendedFineAmount").sendKeys("20000");
                complete(browser, flows, caseNo, report, "hearing-walk-6-report");
            } finally {
                browser.screenshot("hearing-walk-last");
                browser.savePage("hearing-walk-last");
            }

            // 陈述申辩 ran beside the hearing: the party defended at the hearing and adds nothing in writing
            flows.done("zhangwei", caseNo, "Task_RecordStatement", Map.of("partyStated", false, "statementWaived", true,
                    "opinion", "当事人已在听证中陈述申辩，未另行提出书面意见"));
            flows.runJobs(caseNo);

            try {
                // wangfang: the hearing's record and its report's recommendation in her 法制审核
                open(browser, "wangfang", MINE, caseNo, "法制审核", "拟处罚：罚款20000元", "已举行听证",
                        "当事人初次违法，积极配合调查，建议罚款二万元。", "拟处罚决定 罚款30000元——张伟",
                        "罚款20000元——陈静", "听证笔录（", "听证报告（");
                assertThat(pdfText("wangfang", documentLink(browser, "听证报告"))).contains("主持人陈静", "记录员孙丽",
                        "初次违法，家庭经营困难，请求从轻处罚", "当事人初次违法，积极配合调查，建议罚款二万元。",
                        "拟作出的行政处罚：罚款30000元。建议：罚款20000元。").doesNotContain("sunli", "chenjing");
                browser.screenshot("hearing-walk-7-review");
            } finally {
                browser.savePage("hearing-walk-review");
            }
        }
    }

    /** The id of the form's document link whose title starts with {@code title} (its href ends with the id). */
    private static String documentLink(Browser browser, String title) {
        WebElement link = browser.driver.findElement(By.xpath("//div[contains(@class,'fjs-form')]"
                + "//a[starts-with(normalize-space(.),'" + title + "（')]"));
        String href = link.getAttribute("href");
        return href.substring(href.lastIndexOf('/') + 1);
    }

    /** The text of a case document as {@code user} reads it (PDF from the API), blanks removed. */
    private String pdfText(String user, String documentId) throws java.io.IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        var answer = rest.exchange("/api/documents/" + documentId, HttpMethod.GET, new HttpEntity<>(headers),
                byte[].class);
        assertThat(answer.getStatusCode().value()).as("document " + documentId + " for " + user).isEqualTo(200);
        return org.lawflow.PdfText.compact(answer.getBody());
    }

    /**
     * Logs in as {@code user}, finds the task of the case in the filter's list, clicks it and checks its form: the
     * case number and {@code shown} appear, in words. Returns the task's id.
     */
    private static String open(Browser browser, String user, String filter, String caseNo, String task,
            String... shown) {
        browser.loginToTasklist(user);
        String taskId = browser.openFromList(filter, caseNo, task);
        String form = dossierText(browser);
        assertThat(form).contains(caseNo).contains(shown);
        assertReadable(browser, form);
        return taskId;
    }

    /** 完成 as a person clicks it, after the step's screenshot; the flows then run on. */
    private void complete(Browser browser, Flows flows, String caseNo, String taskId, String screenshot) {
        browser.screenshot(screenshot);
        browser.complete();
        awaitDone(taskId);
        flows.runJobs(caseNo);
    }

    private void awaitDone(String taskId) {
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    }

    /** The form's text once its dossier (the html component filled from the variable dossier) is rendered. */
    private static String dossierText(Browser browser) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".fjs-form .lawflow-dossier table")));
        WebElement form = browser.driver.findElement(By.cssSelector(".fjs-form"));
        return form.getText();
    }

    /** Neither the form nor the rest of the task pane (header, list) shows codes, user ids or the tenant id. */
    private static void assertReadable(Browser browser, String form) {
        String page = browser.pageText();
        for (String code : RAW_CODES) {
            assertThat(form).as("raw code or id " + code + " in the form").doesNotContain(code);
            assertThat(page).as("raw code or id " + code + " in Tasklist").doesNotContain(code);
        }
    }
}
