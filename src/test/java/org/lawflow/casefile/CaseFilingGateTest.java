package org.lawflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * 立案 first (交通运输行政执法程序规定第六十三条, issue #28): review, hearing and criminal transfer start only on a case
 * whose 立案 the head approved — through /api (409 problem detail), the engine REST start (also with start
 * instructions that skip the start steps) and the Tasklist start form; 不予立案 closes the case and ends its flows.
 */
@LawFlowSpringTest
class CaseFilingGateTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    static final List<String> GATED = List.of("major-decision-review", "hearing-notice", "criminal-case-transfer");
    static final String NOT_APPROVED = "本案立案尚未经执法部门负责人批准";

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    ApiClient api;
    Flows flows;

    @BeforeEach
    void clients() {
        api = new ApiClient(rest);
        flows = new Flows(api, engine);
    }

    record Registered(String id, String caseNo) {
    }

    Registered register() {
        var created = api.post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Registered(created.json().get("id").asText(), created.json().get("caseNo").asText());
    }

    static Map<String, Object> criminal() {
        return Map.of("kind", "criminal", "transferReason", "无证营运，非法经营额逾25万元", "suspectedCrime", "非法经营罪",
                "transferTeam", List.of("zhangwei", "liqiang"));
    }

    static Map<String, Object> clue() {
        return Map.of("kind", "discipline", "personInvolved", "某某", "personPosition", "某运输管理所副所长",
                "cadreLevel", "CITY_MANAGED", "partyMember", true, "clueFacts", "收受当事人财物，为无证营运提供便利",
                "discoveredOn", ApiClient.todayInChina());
    }

    /** Engine REST variables in Camunda's typed form. */
    static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        return typed;
    }

    long instancesEver(String processKey) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
    }

    void assertRefused(ApiClient.Response response, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.body()).contains(reason);
    }

    @Test
    void noPenaltyProcedureStartsBeforeFilingApprovalOnAnyPath() throws Exception {
        var c = register();
        Map<String, Long> before = new HashMap<>();
        GATED.forEach(key -> before.put(key, instancesEver(key)));

        // /api: 409 problem details with the reason
        var review = api.post("zhangwei", "/api/cases/" + c.id() + "/review", null);
        assertRefused(review, NOT_APPROVED);
        assertThat(review.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(review.json().get("detail").asText()).contains("重大行政执法决定法制审核", "第六十三条");
        assertRefused(api.post("zhangwei", "/api/cases/" + c.id() + "/hearings", Map.of()), NOT_APPROVED);
        assertRefused(api.post("zhangwei", "/api/cases/" + c.id() + "/transfers", criminal()), NOT_APPROVED);

        // engine REST by case number as the Tasklist start forms do; the variables /api sets (caseId, …) are not the
        // start forms' fields and never come from a client (DeclaredVariablesFilter: 400 naming the variable)
        var ids = Map.<String, Object>of("caseId", c.id(), "caseNo", c.caseNo(), "agencyId", "xining");
        for (String key : GATED) {
            var started = api.post("zhangwei", "/engine-rest/process-definition/key/" + key + "/start",
                    Map.of("businessKey", c.caseNo(), "variables", typed(Map.of("caseNo", c.caseNo()))));
            assertRefused(started, NOT_APPROVED);
            assertThat(started.json().get("message").asText()).as("Camunda's error format").contains(NOT_APPROVED);
            var asApi = api.post("zhangwei", "/engine-rest/process-definition/key/" + key + "/start",
                    Map.of("businessKey", c.caseNo(), "variables", typed(ids)));
            assertThat(asApi.status()).as(asApi.body()).isEqualTo(400);
        }
        var byNumber = api.post("zhangwei", "/engine-rest/process-definition/key/criminal-case-transfer/start",
                Map.of("variables", typed(Map.of("caseNo", c.caseNo(), "transferReason", "涉嫌非法经营罪",
                        "transferTeam", "zhangwei, liqiang"))));
        assertRefused(byNumber, NOT_APPROVED);
        // start instructions that skip the start event and the first steps, without custom listeners
        var skipping = api.post("zhangwei", "/engine-rest/process-definition/key/major-decision-review/start",
                Map.of("businessKey", c.caseNo(), "variables", typed(ids), "skipCustomListeners", true,
                        "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                                "activityId", "Task_GenerateViolationNotice"))));
        assertThat(skipping.status()).as("a start begins at the start event: " + skipping.body()).isEqualTo(400);

        // Tasklist: the hearing start form submitted in a logged-in session
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        var session = WebappSession.login(http, base, "zhangwei");
        var tasklist = http.send(WebappSession.post(base
                + "/camunda/api/engine/engine/default/process-definition/key/hearing-notice/submit-form", session.jar(),
                session.token(), new ObjectMapper().writeValueAsString(Map.of("variables", typed(Map.of("caseNo", c.caseNo()))))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(409);
        assertThat(tasklist.body()).contains(NOT_APPROVED);

        // nothing started, nothing issued, nothing mailed
        flows.runJobs(c.caseNo());
        GATED.forEach(key -> assertThat(instancesEver(key)).as(key).isEqualTo(before.get(key)));
        JsonNode details = api.get("zhangwei", "/api/cases/" + c.id()).json();
        assertThat(details.at("/case/status").asText()).isEqualTo("REGISTERED");
        assertThat(details.get("flows").findValuesAsText("processKey")).containsOnly("case-filing-approval");
        assertThat(details.get("documents")).isEmpty();
        assertThat(details.get("mails")).isEmpty();
        assertThat(api.get("zhangwei", "/api/cases/" + c.id() + "/transfers").json()).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // a clue about an official is no penalty procedure: it does not wait for 立案
        assertThat(api.post("zhaomin", "/api/cases/" + c.id() + "/transfers", clue()).status()).isEqualTo(201);

        // once zhaomin approves 立案, each starts
        completeFiling(c.caseNo(), "approve", "同意立案");
        assertThat(api.post("zhangwei", "/api/cases/" + c.id() + "/review", null).status()).isEqualTo(201);
        assertThat(api.post("zhangwei", "/api/cases/" + c.id() + "/hearings", Map.of()).status()).isEqualTo(201);
        var other = flows.filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        var transfer = api.post("zhangwei", "/engine-rest/process-definition/key/criminal-case-transfer/start",
                Map.of("variables", typed(Map.of("caseNo", other.caseNo(), "transferReason", "涉嫌非法经营罪",
                        "transferTeam", "zhangwei, liqiang"))));
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(200);
    }

    @Test
    void refusedFilingClosesTheCaseWithTheHeadsReasons() {
        var c = register();
        assertThat(api.post("zhaomin", "/api/cases/" + c.id() + "/transfers", clue()).status()).isEqualTo(201);

        // reasons are required
        var task = flows.task(c.caseNo(), "Task_ApproveCaseFiling");
        var blank = api.post("zhaomin", "/engine-rest/task/" + task.getId() + "/complete",
                Map.of("variables", typed(Map.of("filingDecision", "reject", "filingOpinion", " "))));
        assertThat(blank.status()).as(blank.body()).isGreaterThanOrEqualTo(400);
        assertThat(blank.body()).contains("不予立案须写明理由");
        assertThat(flows.task(c.caseNo(), "Task_ApproveCaseFiling").getId()).isEqualTo(task.getId());

        completeFiling(c.caseNo(), "reject", "违法事实不能成立，不予立案");

        JsonNode details = api.get("zhaomin", "/api/cases/" + c.id()).json();
        assertThat(details.at("/case/status").asText()).isEqualTo("NOT_FILED");
        assertThat(details.get("statusLabel").asText()).isEqualTo("不予立案");
        assertThat(details.get("events").toString()).contains("决定不予立案，案件终结", "不予立案理由：违法事实不能成立，不予立案");
        assertThat(api.get("zhaomin", "/api/cases/" + c.id() + "/record-verification").json().get("intact").asBoolean())
                .isTrue();
        // the clue goes on (监察法第三十七条), nothing against the party can start
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(c.caseNo())
                .processDefinitionKey("discipline-clue-transfer").count()).isEqualTo(1);
        String closed = "负责人已决定不予立案";
        assertRefused(api.post("zhangwei", "/api/cases/" + c.id() + "/review", null), closed);
        assertRefused(api.post("zhangwei", "/api/cases/" + c.id() + "/hearings", Map.of()), closed);
        assertRefused(api.post("zhangwei", "/api/cases/" + c.id() + "/transfers", criminal()), closed);
        assertRefused(api.post("zhangwei", "/engine-rest/process-definition/key/major-decision-review/start",
                Map.of("variables", typed(Map.of("caseNo", c.caseNo())))), closed);
    }

    /**
     * A case from before this rule: its review started while 立案 was still open (the user's report). The head's
     * 不予立案 ends the review with everything it called and had queued (the notice, its mail), not the clue.
     */
    @Test
    void refusedFilingEndsTheFlowsThatStartedBeforeIt() {
        var filed = flows.filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/hearings", Map.of()).status()).isEqualTo(201);
        assertThat(api.post("zhaomin", "/api/cases/" + filed.id() + "/transfers", clue()).status()).isEqualTo(201);
        var proposal = flows.task(filed.caseNo(), "Task_SubmitProposedDecision");
        assertThat(api.post("zhangwei", "/engine-rest/task/" + proposal.getId() + "/complete",
                Map.of("variables", typed(Map.of("proposalConfirmed", true)))).status()).isEqualTo(204);
        var jobs = engine.getManagementService().createJobQuery().processInstanceId(proposal.getProcessInstanceId());
        assertThat(jobs.count()).as("the 违法行为通知书 queued").isPositive();
        var runtime = engine.getRuntimeService();
        // the approval still open, as it was for such cases
        runtime.startProcessInstanceByKey("case-filing-approval", filed.caseNo(),
                Map.of("caseId", filed.id(), "caseNo", filed.caseNo(), "agencyId", "xining"));

        completeFiling(filed.caseNo(), "reject", "本机关无管辖权，不予立案");

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(filed.caseNo()).list())
                .extracting(pi -> pi.getProcessDefinitionId().split(":")[0]).containsExactly("discipline-clue-transfer");
        var ended = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(filed.caseNo()).processDefinitionKey("major-decision-review").singleResult();
        assertThat(ended.getId()).isEqualTo(proposal.getProcessInstanceId());
        assertThat(ended.getDeleteReason()).isEqualTo("负责人决定不予立案，案件终结");
        assertThat(jobs.count()).isZero();
        flows.runJobs(filed.caseNo());
        assertThat(smtp.getReceivedMessages()).as("no notice mailed").isEmpty();
        JsonNode details = api.get("zhaomin", "/api/cases/" + filed.id()).json();
        assertThat(details.at("/case/status").asText()).isEqualTo("NOT_FILED");
        assertThat(details.get("tasks").findValuesAsText("taskKey")).doesNotContain("Task_SubmitProposedDecision");
        assertThat(details.get("events").toString()).contains("终止进行中的流程：", "重大行政执法决定法制审核", "听证告知与听证");
    }

    /**
     * A closed case (不予处罚, 结案) gets no criminal transfer on any start path: /api refused it, the engine REST and
     * Tasklist start let it run until the head's approval could not move the case.
     */
    @Test
    void aClosedCaseStartsNoCriminalTransfer() {
        var c = flows.filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        // the status a review's 不予处罚 leaves (set directly: the review itself is MajorDecisionReviewProcessTest's)
        jdbc.sql("update enforcement_case set status = 'CLOSED' where id = ?").param(UUID.fromString(String.valueOf(c.id())))
                .update();
        long before = instancesEver("criminal-case-transfer");

        var started = api.post("zhangwei", "/engine-rest/process-definition/key/criminal-case-transfer/start",
                Map.of("variables", typed(Map.of("caseNo", c.caseNo(), "transferReason", "涉嫌非法经营罪",
                        "transferTeam", "zhangwei, liqiang"))));
        assertRefused(started, "案件当前状态为“已结案”，不能启动涉嫌犯罪案件移送程序");
        assertRefused(api.post("zhangwei", "/api/cases/" + c.id() + "/transfers", criminal()), "案件已结案");
        assertThat(instancesEver("criminal-case-transfer")).isEqualTo(before);
    }

    /** The head's decision in the engine REST API, as Tasklist submits it. */
    void completeFiling(String caseNo, String decision, String opinion) {
        var task = flows.task(caseNo, "Task_ApproveCaseFiling");
        var done = api.post("zhaomin", "/engine-rest/task/" + task.getId() + "/complete",
                Map.of("variables", typed(Map.of("filingDecision", decision, "filingOpinion", opinion))));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
    }
}
