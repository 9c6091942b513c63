package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Issue #27, item 5: {@code decidedFineAmount} "NaN" was accepted (the 决定书 printed "NaN元"), so were "-0.0" and a
 * request received on 0001-01-01. Numbers must be finite and in range, dates sane, text free of control characters,
 * on {@code /api} and on task completions alike, each refusal a 4xx naming the field.
 */
@LawFlowSpringTest
class InputRangeTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;

    @Test
    void theHeadsDecisionRefusesNaNInfinityNegativeZeroAndControlCharacters() {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        String caseNo = atTheHeadDecision(api, flows);

        Map<String, Object> valid = Map.of("headDecision", "PENALTY", "decisionOpinion", "同意，罚款三千元。");
        for (Object bad : List.of("NaN", "Infinity", "-Infinity", -0.0, "-0.0", -1)) {
            var refused = flows.completeAs("zhaomin", caseNo, "Task_HeadDecision", with(valid, "decidedFineAmount", bad));
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).as(String.valueOf(bad)).isEqualTo("decidedFineAmount");
        }
        var tooHigh = flows.completeAs("zhaomin", caseNo, "Task_HeadDecision", with(valid, "decidedFineAmount", 3000.01));
        assertThat(tooHigh.status()).as("the head's guard, answered 400 instead of 500: " + tooHigh.body()).isEqualTo(400);
        assertThat(tooHigh.json().get("field").asText()).isEqualTo("decidedFineAmount");
        assertThat(tooHigh.body()).contains("不得高于拟处罚金额");
        var nul = flows.completeAs("zhaomin", caseNo, "Task_HeadDecision", with(valid, "decisionOpinion", "同意\u0000"));
        assertThat(nul.status()).as(nul.body()).isEqualTo(400);
        assertThat(nul.json().get("field").asText()).isEqualTo("decisionOpinion");
        assertThat(nul.body()).contains("控制字符");

        // the listener refuses them too, whichever way the completion comes (here the Java API)
        String taskId = flows.task(caseNo, "Task_HeadDecision").getId();
        for (Object bad : List.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0)) {
            assertThatThrownBy(() -> tasks.complete(taskId, with(valid, "decidedFineAmount", bad)))
                    .as(String.valueOf(bad)).hasStackTraceContaining("InvalidInputException");
        }

        var decided = flows.completeAs("zhaomin", caseNo, "Task_HeadDecision", with(valid, "decidedFineAmount", 2500));
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
    }

    @Test
    void datesBefore2000OrOfPastEventsInTheFutureAreRefused() {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        var filed = flows.filedCase("zhangwei", smallFine());
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);
        assertThat(flows.completeAs("zhangwei", filed.caseNo(), "Task_SubmitProposedDecision",
                Map.of("proposalConfirmed", true)).status()).isEqualTo(204);
        flows.runJobs(filed.caseNo());
        String tomorrowButOne = org.lawflow.system.ChinaTime.today().plusDays(2).toString();
        for (String bad : List.of("0001-01-01", "1999-12-31", tomorrowButOne, "2026-13-45", "三月五日")) {
            var refused = flows.completeAs("zhangwei", filed.caseNo(), "Task_RecordNoticeDelivery",
                    Map.of("noticeDeliveredOn", bad, "deliveryMethod", "DIRECT"));
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).isEqualTo("noticeDeliveredOn");
        }

        String id = flows.filedCase("zhangwei", ApiClient.citizenCase("liqiang")).id();
        var hearing = api.post("zhangwei", "/api/cases/" + id + "/hearings", Map.of("noticeDeliveredOn", "0001-01-01"));
        assertThat(hearing.status()).as(hearing.body()).isEqualTo(400);
        assertThat(hearing.json().get("field").asText()).isEqualTo("noticeDeliveredOn");
        assertThat(api.post("zhangwei", "/api/cases/" + id + "/hearings", Map.of()).status()).isEqualTo(201);
        var request = api.post("liqiang", "/api/cases/" + id + "/hearing-requests",
                Map.of("receivedAt", "0001-01-01T00:00:00+08:00", "channel", "WRITTEN"));
        assertThat(request.status()).as(request.body()).isEqualTo(400);
        assertThat(request.json().get("field").asText()).isEqualTo("receivedAt");
    }

    @Test
    void apiTextWithControlCharactersIsRefusedNamingTheField() {
        var api = new ApiClient(rest);
        var registration = ApiClient.citizenCase("liqiang");
        registration.put("facts", "当事人于西宁火车站载客收费\u0000");
        var nul = api.post("zhangwei", "/api/cases", registration);
        assertThat(nul.status()).as(nul.body()).isEqualTo(400);
        assertThat(nul.json().get("field").asText()).isEqualTo("facts");
        assertThat(nul.body()).contains("控制字符");

        registration = ApiClient.citizenCase("liqiang");
        registration.put("evidence", List.of(Map.of("kind", "现场笔录", "description", "笔录\u001b[31m")));
        var escape = api.post("zhangwei", "/api/cases", registration);
        assertThat(escape.status()).as(escape.body()).isEqualTo(400);
        assertThat(escape.json().get("field").asText()).isEqualTo("evidence[0].description");

        registration = ApiClient.citizenCase("liqiang");
        registration.put("facts", "第一行\n第二行\t（制表符与换行可以）");
        assertThat(api.post("zhangwei", "/api/cases", registration).status()).isEqualTo(201);
    }

    /** A 3,000 元 fine to a citizen, nothing special: no hearing, legal review or discussion, straight to the head. */
    private static Map<String, Object> smallFine() {
        var registration = ApiClient.citizenCase("zhangwei", "liqiang");
        registration.put("proposedDecision", Map.of("penalties", List.of(Map.of("kind", "FINE", "amount", 3000))));
        return registration;
    }

    private static String atTheHeadDecision(ApiClient api, Flows flows) {
        var filed = flows.filedCase("zhangwei", smallFine());
        String caseNo = filed.caseNo();
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);
        assertThat(flows.completeAs("zhangwei", caseNo, "Task_SubmitProposedDecision",
                Map.of("proposalConfirmed", true)).status()).isEqualTo(204);
        flows.runJobs(caseNo);
        assertThat(flows.completeAs("zhangwei", caseNo, "Task_RecordNoticeDelivery",
                Map.of("noticeDeliveredOn", ApiClient.todayInChina(), "deliveryMethod", "DIRECT")).status()).isEqualTo(204);
        assertThat(flows.completeAs("zhangwei", caseNo, "Task_RecordStatement", Map.of("partyStated", false,
                "statementWaived", true, "opinion", "当事人放弃陈述申辩")).status()).isEqualTo(204);
        flows.task(caseNo, "Task_HeadDecision");
        return caseNo;
    }

    private static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        var all = new HashMap<>(base);
        all.put(name, value);
        return all;
    }
}
