package org.lawflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The authorizations the engine writes for a task's people carry the work permission but not READ
 * ({@link TaskWorkAuthorizations}), and reading, working and agency separation are what they were: the assignee
 * and the candidate group see and work their task, colleagues of the agency see it but cannot work it, another
 * agency sees nothing.
 */
@LawFlowSpringTest
class TaskWorkAuthorizationsTest {

    /** The review's jobs send the party's notice. */
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired AuthorizationService authorizations;

    @Test
    void taskPeopleMayWorkTheirTaskAndReadingComesFromTheProcessDefinition() {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        var registration = ApiClient.citizenCase("zhangwei", "liqiang");
        registration.put("proposedDecision", Map.of("penalties", List.of(Map.of("kind", "FINE", "amount", 3000))));
        registration.put("majorPublicInterest", true); // a major decision: it goes to the legal review
        var filed = flows.filedCase("zhangwei", registration);
        String caseNo = filed.caseNo();
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);

        // an assignee's task: 提交拟处罚决定, assigned to the lead officer 张伟
        String submit = flows.task(caseNo, "Task_SubmitProposedDecision").getId();
        assertWorkOnly(submit, "zhangwei", null);
        assertThat(engine(api, "liqiang", HttpMethod.GET, "/task/" + submit).status())
                .as("a colleague of the agency reads the task (READ_TASK on the process)").isEqualTo(200);
        assertThat(engine(api, "zhoujie", HttpMethod.GET, "/task/" + submit).status())
                .as("another agency does not see it").isIn(403, 404);
        assertThat(complete(api, "liqiang", submit, Map.of("proposalConfirmed", true)).status())
                .as("a colleague who is not the assignee cannot complete it").isEqualTo(403);
        assertThat(complete(api, "zhangwei", submit, Map.of("proposalConfirmed", true)).status()).isEqualTo(204);
        flows.runJobs(caseNo);
        assertThat(complete(api, "zhangwei", flows.task(caseNo, "Task_RecordNoticeDelivery").getId(),
                Map.of("noticeDeliveredOn", ApiClient.todayInChina(), "deliveryMethod", "DIRECT")).status())
                .isEqualTo(204);
        assertThat(complete(api, "zhangwei", flows.task(caseNo, "Task_RecordStatement").getId(),
                Map.of("partyStated", false, "statementWaived", true, "opinion", "当事人书面放弃陈述申辩")).status())
                .isEqualTo(204);

        // a candidate group's task: 法制审核, for the legal reviewers
        String review = flows.task(caseNo, "Task_ReviewLegality").getId();
        assertWorkOnly(review, null, "legal-reviewer");
        assertThat(engine(api, "wangfang", HttpMethod.GET, "/task?candidateGroup=legal-reviewer"
                + "&processInstanceBusinessKey=" + caseNo).json()).as("the reviewer's group list shows it").hasSize(1);
        assertThat(engine(api, "zhangwei", HttpMethod.POST, "/task/" + review + "/claim", Map.of("userId", "zhangwei"))
                .status()).as("an officer cannot claim the legal review").isEqualTo(403);
        assertThat(engine(api, "wangfang", HttpMethod.POST, "/task/" + review + "/claim", Map.of("userId", "wangfang"))
                .status()).isEqualTo(204);
        // claiming wrote the assignee's own authorization: work only as well
        assertWorkOnly(review, "wangfang", null);
    }

    /** The task's authorization for this user or group exists, may work on the task and does not grant READ. */
    private void assertWorkOnly(String taskId, String userId, String groupId) {
        var query = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId);
        List<Authorization> found = userId != null ? query.userIdIn(userId).list() : query.groupIdIn(groupId).list();
        assertThat(found).as("task authorization of " + (userId != null ? userId : groupId)).hasSize(1);
        Authorization authorization = found.get(0);
        assertThat(authorization.isPermissionGranted(Permissions.UPDATE)).as("may work on the task").isTrue();
        assertThat(authorization.isPermissionGranted(Permissions.READ)).as("READ comes from the process definition")
                .isFalse();
    }

    private static ApiClient.Response complete(ApiClient api, String user, String taskId, Map<String, Object> values) {
        Map<String, Object> typed = new HashMap<>();
        values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        return engine(api, user, HttpMethod.POST, "/task/" + taskId + "/complete", Map.of("variables", typed));
    }

    private static ApiClient.Response engine(ApiClient api, String user, HttpMethod method, String path) {
        return engine(api, user, method, path, null);
    }

    private static ApiClient.Response engine(ApiClient api, String user, HttpMethod method, String path, Object body) {
        return api.exchange(user, method, "/engine-rest" + path, body);
    }
}
