package org.lawflow.hearing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The party's hearing requests through REST on the real application: before the window (409), in time (202,
 * message correlated), twice (409), after the window (422); every one recorded. Needs no document or mail
 * bean: the flow is started as the review starts it (notice already delivered) and the mail job is not run.
 */
@LawFlowSpringTest
class HearingRequestApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine processEngine;

    ApiClient api() {
        return new ApiClient(rest);
    }

    /** A case whose 立案 zhaomin approved: hearings start only then. */
    private String registerCase() {
        return new Flows(api(), processEngine).filedCase("zhangwei", ApiClient.citizenCase("liqiang")).id();
    }

    @Test
    void requestsBeforeInTimeTwiceAndLateAreAnsweredAndRecorded() {
        String id = registerCase();
        var early = api().post("zhangwei", "/api/cases/" + id + "/hearing-requests", Map.of("channel", "WRITTEN"));
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("outcome").asText()).isEqualTo("NOT_OPEN");
        assertThat(early.json().get("detail").asText()).contains("尚未告知听证权利");

        var notOfficer = api().post("zhaomin", "/api/cases/" + id + "/hearings", Map.of());
        assertThat(notOfficer.status()).isEqualTo(400);
        String today = ApiClient.todayInChina();
        var started = api().post("zhangwei", "/api/cases/" + id + "/hearings", Map.of("noticeDeliveredOn", today));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(api().post("zhangwei", "/api/cases/" + id + "/hearings", Map.of()).status()).isEqualTo(409);

        var accepted = api().post("liqiang", "/api/cases/" + id + "/hearing-requests",
                Map.of("channel", "ELECTRONIC", "note", "当事人通过电子邮件申请听证"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("outcome").asText()).isEqualTo("ACCEPTED");

        var twice = api().post("zhangwei", "/api/cases/" + id + "/hearing-requests", Map.of("channel", "MAIL"));
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        assertThat(twice.json().get("outcome").asText()).isEqualTo("DUPLICATE");

        var other = api().post("zhoujie", "/api/cases/" + id + "/hearing-requests", Map.of());
        assertThat(other.status()).isEqualTo(404);

        var details = api().get("zhangwei", "/api/cases/" + id).json();
        assertThat(details.at("/hearing/requests").size()).isEqualTo(3);
        assertThat(details.at("/hearing/requests").toString()).contains("NOT_OPEN", "ACCEPTED", "DUPLICATE");
        assertThat(details.at("/hearing/flows/0/hearingRequested").asBoolean()).isTrue();
        assertThat(details.at("/tasks").toString()).contains("指定听证主持人");
        assertThat(details.at("/events").toString()).contains("收到听证申请：已受理", "启动听证告知程序");

        // the head may not appoint an investigator as host; a hearing host of the agency is accepted
        String caseNo = details.at("/case/caseNo").asText();
        var appoint = taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
                .taskDefinitionKey("Task_AppointHost").singleResult();
        // the form offers the agency's hearing hosts and the staff who did not investigate (issue #28: picked, not typed)
        assertThat(String.valueOf(taskService.getVariableLocal(appoint.getId(), "hearingHostOptions")))
                .isEqualTo("[{\"label\":\"陈静（听证主持人）\",\"value\":\"chenjing\"}]");
        assertThat(String.valueOf(taskService.getVariableLocal(appoint.getId(), "noteTakerOptions")))
                .contains("{\"label\":\"王芳（法制审核员）\",\"value\":\"wangfang\"}", "\"value\":\"sunli\"")
                .doesNotContain("zhangwei", "liqiang", "admin", "zhoujie");
        identityService.setAuthentication("zhaomin", List.of("agency-head"), List.of("xining"));
        try {
            var refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                    taskService.complete(appoint.getId(), Map.of("hearingHost", "liqiang")));
            assertThat(refused).hasMessageContaining("本案的调查人员，不得主持听证");
            taskService.complete(appoint.getId(), Map.of("hearingHost", "chenjing"));
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseNo).processDefinitionKey("hearing-notice")
                .singleResult().getAssignee())
                .isEqualTo("chenjing");
    }

    @Test
    void requestAfterTheWindowIsLate() {
        String id = registerCase();
        String longAgo = org.lawflow.system.ChinaTime.today().minusDays(20).toString();
        assertThat(api().post("zhangwei", "/api/cases/" + id + "/hearings", Map.of("noticeDeliveredOn", longAgo))
                .status()).isEqualTo(201);
        var late = api().post("zhangwei", "/api/cases/" + id + "/hearing-requests", Map.of("channel", "WRITTEN"));
        assertThat(late.status()).as(late.body()).isEqualTo(422);
        assertThat(late.json().get("outcome").asText()).isEqualTo("LATE");
        assertThat(late.json().get("detail").asText()).contains("届满", "逾期");
        int recorded = jdbc.sql("select count(*) from hearing_request where case_id = ? and outcome = 'LATE'")
                .param(java.util.UUID.fromString(id)).query(Integer.class).single();
        assertThat(recorded).isEqualTo(1);
    }

    /** 在途时间不计入期间 (#29): a request posted by the last day is in time, though it arrives after the window. */
    @Test
    void aRequestPostedInTimeIsInTimeThoughItArrivesLate() {
        String id = registerCase();
        var today = org.lawflow.system.ChinaTime.today();
        String longAgo = today.minusDays(20).toString();
        assertThat(api().post("zhangwei", "/api/cases/" + id + "/hearings", Map.of("noticeDeliveredOn", longAgo))
                .status()).isEqualTo(201);
        var postedLate = api().post("zhangwei", "/api/cases/" + id + "/hearing-requests",
                Map.of("channel", "MAIL", "postmarkedOn", today.minusDays(1).toString()));
        assertThat(postedLate.status()).as(postedLate.body()).isEqualTo(422);
        var notByPost = api().post("zhangwei", "/api/cases/" + id + "/hearing-requests",
                Map.of("channel", "WRITTEN", "postmarkedOn", longAgo));
        assertThat(notByPost.status()).as(notByPost.body()).isEqualTo(400);
        assertThat(notByPost.body()).contains("postmarkedOn", "仅适用于邮寄");
        var postedInTime = api().post("zhangwei", "/api/cases/" + id + "/hearing-requests",
                Map.of("channel", "MAIL", "postmarkedOn", longAgo));
        assertThat(postedInTime.status()).as(postedInTime.body()).isEqualTo(202);
        assertThat(postedInTime.json().get("outcome").asText()).isEqualTo("ACCEPTED");
        var details = api().get("zhangwei", "/api/cases/" + id).json();
        assertThat(details.at("/hearing/flows/0/hearingRequested").asBoolean()).isTrue();
        assertThat(details.at("/events").toString()).contains("邮戳日期");
        assertThat(details.at("/hearing/flows/0/hearingRequestPostmarkedOn").asText()).isEqualTo(longAgo);
    }
}
