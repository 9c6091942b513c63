package org.lawflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Issue #27, item 1: an officer completed 提交拟处罚决定 through the engine REST API with {@code largeAmount=false,
 * heavyPenalty=false, hearingRights=false, officerNames="王五、赵六"} and a 30,000 元 fine to a citizen went without
 * hearing, legal review and filing, the notice naming two people who are not officers. Now such a completion is a 400
 * naming the variable, and the flow routes by the case file whatever a variable says.
 */
@LawFlowSpringTest
class ForgedVariablesTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    @Test
    void aForgedCompletionIsRefusedNamingTheVariableAndTheCaseStillGetsItsHearing() throws Exception {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        var filed = flows.filedCase("zhangwei", ApiClient.citizenCase("zhangwei", "liqiang")); // 30,000 元, citizen
        String caseNo = filed.caseNo();
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);
        String pi = runtime.createProcessInstanceQuery().processDefinitionKey("major-decision-review")
                .processInstanceBusinessKey(caseNo).singleResult().getId();

        for (var forged : List.<Map<String, Object>>of(Map.of("largeAmount", false), Map.of("heavyPenalty", false),
                Map.of("hearingRights", false), Map.of("officerNames", "王五、赵六"), Map.of("leadOfficer", "zhoujie"))) {
            String name = forged.keySet().iterator().next();
            var variables = new java.util.HashMap<String, Object>(forged);
            variables.put("proposalConfirmed", true);
            var refused = flows.completeAs("zhangwei", caseNo, "Task_SubmitProposedDecision", variables);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).isEqualTo(name);
            assertThat(refused.json().get("message").asText()).contains("变量“" + name + "”", "不是表单", "不能提交");
        }
        var allFour = flows.completeAs("zhangwei", caseNo, "Task_SubmitProposedDecision", Map.of("proposalConfirmed", true,
                "largeAmount", false, "heavyPenalty", false, "hearingRights", false, "officerNames", "王五、赵六"));
        assertThat(allFour.status()).as("the probe's request").isEqualTo(400);

        // nor around the completion: setting the task's variables directly
        String taskId = flows.task(caseNo, "Task_SubmitProposedDecision").getId();
        var put = api.exchange("zhangwei", HttpMethod.PUT, "/engine-rest/task/" + taskId + "/variables/hearingRights",
                Map.of("value", false, "type", "Boolean"));
        assertThat(put.status()).as(put.body()).isEqualTo(400);
        var modify = api.post("zhangwei", "/engine-rest/task/" + taskId + "/localVariables",
                Map.of("modifications", Map.of("legalReviewRequired", Map.of("value", false))));
        assertThat(modify.status()).as(modify.body()).isEqualTo(400);
        assertThat(modify.body()).contains("legalReviewRequired");

        var onTheInstance = api.exchange("zhangwei", HttpMethod.PUT,
                "/engine-rest/process-instance/" + pi + "/variables/hearingRights", Map.of("value", false));
        assertThat(onTheInstance.status()).as("officers may not modify instances: " + onTheInstance.body()).isEqualTo(403);

        assertThat(runtime.getVariables(pi)).as("the flags are unchanged").containsEntry("largeAmount", true)
                .containsEntry("hearingRights", true).doesNotContainKey("officerNames");

        var done = flows.completeAs("zhangwei", caseNo, "Task_SubmitProposedDecision", Map.of("proposalConfirmed", true,
                "proposalNote", "拟罚款三万元"));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        flows.runJobs(caseNo);
        String notice = pdf(api, filed.id(), "VIOLATION_NOTICE");
        assertThat(notice).contains("张伟", "李强", "听证权利").doesNotContain("王五", "赵六");

        var delivered = flows.completeAs("zhangwei", caseNo, "Task_RecordNoticeDelivery",
                Map.of("noticeDeliveredOn", ApiClient.todayInChina(), "deliveryMethod", "DIRECT"));
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(204);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("hearing-notice")
                .processInstanceBusinessKey(caseNo).count()).as("on to the hearing (行政处罚法第六十三条)").isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("Task_RecordStatement")
                .count()).as("陈述申辩 and 复核 beside the hearing (行政处罚法第四十五条)").isEqualTo(1);
    }

    /**
     * Behind the REST check, the routing points read the case file: flags set through the Java API on the way (what a
     * listener bug or a future channel could do) neither skip the legal review nor the filing.
     */
    @Test
    void theGatewaysRouteByTheCaseFileWhateverTheVariablesSay() throws Exception {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        var registration = ApiClient.citizenCase("zhangwei", "liqiang");
        registration.put("proposedDecision", Map.of("penalties", List.of(Map.of("kind", "FINE", "amount", 3000))));
        registration.put("majorPublicInterest", true); // legal review and filing required (第五十八条第一款第一项)
        var filed = flows.filedCase("zhangwei", registration);
        String caseNo = filed.caseNo();
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);
        Map<String, Object> forged = Map.of("majorPublicInterest", false, "legalReviewRequired", false,
                "collectiveDiscussionRequired", true, "hearingRights", true);

        tasks.complete(flows.task(caseNo, "Task_SubmitProposedDecision").getId(), with(forged, "proposalConfirmed", true));
        flows.runJobs(caseNo);
        assertThat(pdf(api, filed.id(), "VIOLATION_NOTICE")).as("3,000 元: no hearing right").doesNotContain("听证权利");
        tasks.complete(flows.task(caseNo, "Task_RecordNoticeDelivery").getId(),
                with(forged, "noticeDeliveredOn", ApiClient.todayInChina(), "deliveryMethod", "DIRECT"));
        tasks.complete(flows.task(caseNo, "Task_RecordStatement").getId(), Map.of("partyStated", false,
                "statementWaived", true, "opinion", "当事人放弃陈述申辩", "majorPublicInterest", false,
                "legalReviewRequired", false));
        flows.task(caseNo, "Task_ReviewLegality"); // still reviewed
        tasks.setAssignee(flows.task(caseNo, "Task_ReviewLegality").getId(), "wangfang");
        tasks.complete(flows.task(caseNo, "Task_ReviewLegality").getId(), with(forged, "checkSubject", true,
                "checkAuthority", true, "checkProcedure", true, "checkFacts", true, "checkLawApplied", true,
                "checkDiscretion", true, "checkDocuments", true, "suspectedCrime", false, "reviewOpinion", "APPROVE",
                "reviewReasons", "事实清楚"));
        flows.runJobs(caseNo);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNo)
                .taskDefinitionKey("Task_CollectiveDiscussion").count()).as("no discussion the case does not need").isZero();
        tasks.complete(flows.task(caseNo, "Task_HeadDecision").getId(), with(forged, "headDecision", "PENALTY",
                "decisionOpinion", "同意"));
        flows.runJobs(caseNo);
        tasks.complete(flows.task(caseNo, "Task_RecordDecisionService").getId(),
                with(forged, "servedOn", ApiClient.todayInChina(), "serviceMethod", "DIRECT"));
        flows.runJobs(caseNo);

        var kinds = api.get("zhangwei", "/api/cases/" + filed.id() + "/documents").json().findValuesAsText("kind");
        assertThat(kinds).as("filed (备案) as a major decision").contains("LEGAL_REVIEW_OPINION", "FILING_REPORT",
                "FILING_FORM");
    }

    @Test
    void aStartMustBeginAtTheStartEventWithTheStartFormsFields() {
        var api = new ApiClient(rest);
        var atTheHead = api.post("zhangwei", "/engine-rest/process-definition/key/major-decision-review/start",
                Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_HeadDecision"))));
        assertThat(atTheHead.status()).as(atTheHead.body()).isEqualTo(400);
        assertThat(atTheHead.body()).contains("startInstructions");
        var forged = api.post("zhangwei", "/engine-rest/process-definition/key/major-decision-review/start",
                Map.of("variables", Map.of("caseNo", Map.of("value", "宁交执罚〔2026〕1号"), "hearingRights", Map.of("value", false))));
        assertThat(forged.status()).as(forged.body()).isEqualTo(400);
        assertThat(forged.json().get("field").asText()).isEqualTo("hearingRights");
    }

    private static Map<String, Object> with(Map<String, Object> forged, Object... pairs) {
        var all = new java.util.HashMap<>(forged);
        for (int i = 0; i < pairs.length; i += 2) {
            all.put((String) pairs[i], pairs[i + 1]);
        }
        return all;
    }

    private String pdf(ApiClient api, String caseId, String kind) throws Exception {
        String id = null;
        for (var d : api.get("zhangwei", "/api/cases/" + caseId + "/documents").json()) {
            if (d.get("kind").asText().equals(kind)) {
                id = d.get("id").asText();
            }
        }
        assertThat(id).as(kind).isNotNull();
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("zhangwei", "demo");
        byte[] bytes = rest.exchange("/api/documents/" + id, HttpMethod.GET, new HttpEntity<>(headers), byte[].class)
                .getBody();
        return org.lawflow.PdfText.compact(bytes);
    }
}
