package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.lawflow.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * A task listener's refusal (here the head decides a fine above the proposal, HeadDecisionGuard) is a 400 whose
 * message is the Chinese reason alone, on every path a completion takes: Tasklist's
 * {@code /camunda/api/engine/.../task/{id}/submit-form} (the toast shows this message) and the engine REST's
 * {@code complete} and {@code submit-form}. Nothing of the engine's wrapping ("Cannot submit task form", ENGINE-03051,
 * the variable name) reaches the officer; the task stays open.
 */
@LawFlowSpringTest
class ListenerRefusalAnswerTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    private static final String REASON = "决定罚款金额不得高于拟处罚金额";

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;

    @Test
    void aListenersRefusalIsA400WithTheChineseReasonOnlyOnEveryCompletionPath() throws Exception {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        var filed = flows.majorCaseAtLegalReview(ApiClient.todayInChina());
        flows.approveLegalReview(filed.caseNo(), "同意");
        String taskId = flows.task(filed.caseNo(), "Task_HeadDecision").getId();
        assertThat(api.exchange("zhaomin", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
                Map.of("userId", "zhaomin")).status()).isEqualTo(204);
        String tooHigh = "{\"variables\":{\"headDecision\":{\"value\":\"PENALTY\"},\"decidedFineAmount\":{\"value\":"
                + "99999},\"decisionOpinion\":{\"value\":\"事实清楚\"}}}";

        String base = "http://localhost:" + port;
        var client = HttpClient.newHttpClient();
        var session = WebappSession.login(client, base, "zhaomin");
        HttpResponse<String> tasklist = client.send(WebappSession.post(
                base + "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", session.jar(),
                session.token(), tooHigh), HttpResponse.BodyHandlers.ofString());
        assertRefusal(tasklist.statusCode(), tasklist.body());

        for (String path : new String[] {"/complete", "/submit-form"}) {
            var answer = api.post("zhaomin", "/engine-rest/task/" + taskId + path, tooHigh);
            assertRefusal(answer.status(), answer.body());
        }
        assertThat(flows.task(filed.caseNo(), "Task_HeadDecision").getId()).as("the task stays open").isEqualTo(taskId);

        // Camunda's English "No matching process definition with key: …" in Chinese
        var hidden = api.get("zhaomin", "/engine-rest/process-definition/key/no-such-flow");
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
        assertThat(hidden.json().path("message").asText()).isEqualTo("所请求的任务或记录不存在，或无权查看");
    }

    private static void assertRefusal(int status, String body) throws Exception {
        assertThat(status).as(body).isEqualTo(400);
        var json = new ObjectMapper().readTree(body);
        assertThat(json.path("message").asText()).as(body).isEqualTo(REASON);
        assertThat(json.path("field").asText()).isEqualTo("decidedFineAmount");
        assertThat(body).doesNotContain("ENGINE-", "Cannot ", "TaskListener", "Exception");
    }
}
