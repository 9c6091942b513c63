package org.lawflow.hearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Issue #25: a party's hearing request is written down before anything else runs. Here processing fails (as a
 * missing calendar year or an engine fault once made it fail): the party still gets 202 "已登记收到", the request
 * stays on record as RECEIVED with its time of receipt, and the case record says so.
 */
@LawFlowSpringTest
class HearingRequestRecordedFirstTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine processEngine;
    @Autowired JdbcClient jdbc;
    @MockitoSpyBean HearingService hearings;

    @Test
    void aRequestWhoseProcessingFailsIsStillRecordedAndAnswered() {
        var api = new ApiClient(rest);
        String id = new Flows(api, processEngine).filedCase("zhangwei", ApiClient.citizenCase("liqiang")).id();
        assertThat(api.post("zhangwei", "/api/cases/" + id + "/hearings",
                Map.of("noticeDeliveredOn", ApiClient.todayInChina())).status()).isEqualTo(201);
        doThrow(new IllegalStateException("模拟的处理故障")).when(hearings)
                .request(any(), any(), any(), any(), any(), any(), any());

        var answer = api.post("liqiang", "/api/cases/" + id + "/hearing-requests",
                Map.of("channel", "WRITTEN", "note", "当事人书面申请听证"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().get("outcome").asText()).isEqualTo("RECEIVED");
        assertThat(answer.json().get("message").asText()).contains("登记收到");
        assertThat(jdbc.sql("select outcome from hearing_request where case_id = ?::uuid")
                .param(id).query(String.class).list()).containsExactly("RECEIVED");
        assertThat(api.get("zhangwei", "/api/cases/" + id).body()).contains("收到听证申请（已登记，待处理）");
    }
}
