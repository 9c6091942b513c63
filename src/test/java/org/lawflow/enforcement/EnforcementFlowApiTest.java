package org.lawflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.PdfText;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * A decided 3,000 元 fine from 记录决定书送达 to 已结案 through the REST APIs as the demo users, on a fixed clock: the
 * decision is served on Monday 2026-11-23, so the fine is due on Tuesday 2026-12-08; paid on 2026-12-10 it may carry
 * at most 2 × 3 % × 3,000 = 180 元 加处罚款; the head approves and the 结案报告 (parsed back) states it all.
 */
@LawFlowSpringTest
class EnforcementFlowApiTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;

    @Test
    void aDecidedFineIsPaidLateWithSurchargeAndTheCaseIsClosed() throws Exception {
        at("2026-11-23T09:00:00+08:00");
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        var filed = flows.decidedFineServed("2026-11-23");
        String caseNo = filed.caseNo();

        JsonNode details = api.get("zhangwei", "/api/cases/" + filed.id()).json();
        assertThat(details.at("/case/status").asText()).isEqualTo("DECIDED");
        assertThat(details.at("/tasks").findValuesAsText("name")).containsExactly("登记缴纳罚款");
        String paymentTask = flows.task(caseNo, "Task_RecordPayment").getId();
        JsonNode form = api.get("zhangwei", "/engine-rest/task/" + paymentTask + "/form-variables").json();
        assertThat(form.at("/headerFine/value").asText()).isEqualTo("3000元");
        assertThat(form.at("/headerPaymentDeadline/value").asText()).isEqualTo("2026年12月8日");

        at("2026-12-10T10:00:00+08:00");
        var tooMuch = flows.completeAs("zhangwei", caseNo, "Task_RecordPayment", Map.of("paidOn", "2026-12-10",
                "paidAmount", 3180.5, "paymentReceiptNo", "QH-2026-3180"));
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("paidAmount", "3180元", "逾期2日");
        flows.done("zhangwei", caseNo, "Task_RecordPayment", Map.of("paidOn", "2026-12-10", "paidAmount", 3180,
                "paymentReceiptNo", "QH-2026-3180", "paymentNote", "按逾期二日加处罚款"));
        flows.runJobs(caseNo);

        assertThatThrownBy(() -> flows.completeAs("zhangwei", caseNo, "Task_ApproveClosure",
                Map.of("closureDecision", "APPROVE"))).as("an officer cannot claim the closure").hasMessageContaining("403");
        flows.done("zhaomin", caseNo, "Task_ApproveClosure", Map.of("closureDecision", "APPROVE", "closureOpinion",
                "罚款及加处罚款已缴清，同意结案。"));
        flows.runJobs(caseNo);

        details = api.get("zhangwei", "/api/cases/" + filed.id()).json();
        assertThat(details.at("/case/status").asText()).isEqualTo("CLOSED");
        assertThat(details.at("/statusLabel").asText()).isEqualTo("已结案");
        assertThat(details.at("/tasks")).isEmpty();
        assertThat(details.at("/events").toString()).contains("决定日期：2026年11月23日", "启动执行与结案", "登记缴纳罚款",
                "负责人审批结案",
                "处罚决定执行完毕，负责人批准结案");
        String reportId = null;
        for (JsonNode d : api.get("zhangwei", "/api/cases/" + filed.id() + "/documents").json()) {
            if (d.get("kind").asText().equals("CLOSURE_REPORT")) {
                reportId = d.get("id").asText();
            }
        }
        assertThat(reportId).as("the 结案报告").isNotNull();
        String report = PdfText.compact(pdf("/api/documents/" + reportId));
        assertThat(report).contains("结案报告", caseNo, "罚款3000元", "2026年12月10日缴纳3180元", "加处罚款180元", "逾期2日",
                "QH-2026-3180", "180元（行政处罚法第七十二条第一款）", "2026年11月23日")
                .doesNotContain("—");
    }

    private static void at(String moment) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(moment).toInstant()));
    }

    private byte[] pdf(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("zhangwei", "demo");
        var response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
        return response.getBody();
    }
}
