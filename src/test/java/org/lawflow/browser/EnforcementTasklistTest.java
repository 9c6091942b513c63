package org.lawflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * 执行与结案 in a real browser, on a fixed clock: the decision on a 3,000 元 fine is served on Monday 2026-11-23, so
 * the fine is due on 2026-12-08. On 2026-12-10 zhangwei finds 登记缴纳罚款 in 我的待办, reads the fine, the deadline and
 * the 加处罚款 ceiling in the form, types the payment (two days late, with 180 元 加处罚款); zhaomin finds
 * 负责人审批结案 in 本组待办, reads the performance, approves, and the case is 已结案.
 */
@LawFlowSpringTest
class EnforcementTasklistTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired TaskService taskService;
    @Autowired ProcessEngine processEngine;

    @Test
    void theOfficerRecordsTheLatePaymentAndTheHeadClosesTheCase() throws Exception {
        at("2026-11-23T09:00:00+08:00");
        var api = new ApiClient(rest);
        var flows = new Flows(api, processEngine);
        var filed = flows.decidedFineServed("2026-11-23");
        String caseNo = filed.caseNo();

        at("2026-12-10T10:00:00+08:00");
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            try {
                browser.loginToTasklist("zhangwei");
                String payment = browser.openFromList("我的待办", caseNo, "登记缴纳罚款");
                assertThat(browser.pageText()).contains(caseNo, "决定罚款：3000元", "缴纳期限：2026年12月8日",
                        "截至今日加处罚款上限", "罚款3000元——");
                browser.typeDate("Field_PaidOn", LocalDate.of(2026, 12, 10));
                browser.field("Field_PaidAmount").sendKeys("3180");
                browser.field("Field_PaymentReceiptNo").sendKeys("QH-2026-3180");
                browser.field("Field_PaymentNote").sendKeys("按逾期二日加处罚款");
                browser.screenshot("enforcement-1-payment");
                browser.complete();
                Awaitility.await().atMost(Duration.ofSeconds(20))
                        .until(() -> taskService.createTaskQuery().taskId(payment).count() == 0);
                flows.runJobs(caseNo);

                browser.logout();
                browser.loginToTasklist("zhaomin");
                String closure = browser.openFromList("本组待办", caseNo, "负责人审批结案");
                assertThat(browser.pageText()).contains("2026年12月10日缴纳3180元", "加处罚款180元", "QH-2026-3180",
                        "结案报告（");
                browser.clickLabel("同意结案");
                browser.field("Field_ClosureOpinion").sendKeys("罚款及加处罚款已缴清，同意结案。");
                browser.screenshot("enforcement-2-closure");
                browser.complete();
                Awaitility.await().atMost(Duration.ofSeconds(20))
                        .until(() -> taskService.createTaskQuery().taskId(closure).count() == 0);
            } finally {
                browser.screenshot("enforcement-last");
                browser.savePage("enforcement-last");
            }
        }
        flows.runJobs(caseNo);
        JsonNode details = api.get("zhangwei", "/api/cases/" + filed.id()).json();
        assertThat(details.at("/case/status").asText()).isEqualTo("CLOSED");
        assertThat(details.at("/events").toString()).contains("QH-2026-3180", "罚款及加处罚款已缴清，同意结案。");
    }

    private static void at(String moment) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(moment).toInstant()));
    }
}
