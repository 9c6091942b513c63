package org.lawflow.hearing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
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
 * The whole hearing through REST and Tasklist-style task completion on the real application, with the real
 * document and mail delegates (branch documents) and GreenMail. Skipped until those beans are merged.
 */
@LawFlowSpringTest
class HearingFlowMailTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired org.lawflow.calendar.StatutoryDeadlines deadlines;

    private void completeAs(String user, String group, String caseNo, String taskKey, Map<String, Object> vars) {
        var task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as(taskKey).isNotNull();
        identityService.setAuthentication(user, List.of(group), List.of("xining"));
        try {
            taskService.complete(task.getId(), vars);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void partyRequestsAHearingThatIsHeldWithNoticeMailAndReport() throws Exception {
        var api = new ApiClient(rest);
        var filed = new Flows(api, processEngine).filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        String id = filed.id();
        String caseNo = filed.caseNo();
        assertThat(api.post("zhangwei", "/api/cases/" + id + "/hearings", Map.of()).status()).isEqualTo(201);
        new Flows(new ApiClient(rest), processEngine).runJobs(caseNo);
        String today = ApiClient.todayInChina();
        completeAs("zhangwei", "officer", caseNo, "Task_RecordNotificationDelivery",
                Map.of("noticeDeliveredOn", today, "deliveryMethod", "DIRECT"));
        new Flows(new ApiClient(rest), processEngine).runJobs(caseNo);
        assertThat(greenMail.getReceivedMessages()).anyMatch(m -> subject(m).startsWith("听证权利告知"));
        assertThat(api.post("zhangwei", "/api/cases/" + id + "/hearing-requests", Map.of("channel", "WRITTEN"))
                .status()).isEqualTo(202);
        completeAs("zhaomin", "agency-head", caseNo, "Task_AppointHost", Map.of("hearingHost", "chenjing"));
        // the first day the 7-working-day notice allows (the party-protective bound in a year without its notice)
        String hearingDay = deadlines.deadline(org.lawflow.calendar.StatutoryPeriod.HEARING_NOTICE,
                org.lawflow.system.ChinaTime.today(), "xining").due().plusDays(1).toString();
        completeAs("chenjing", "hearing-host", caseNo, "Task_ScheduleHearing", Map.of("hearingAt",
                hearingDay + "T09:30", "hearingPlace", "支队听证室", "hearingPublic", true));
        new Flows(new ApiClient(rest), processEngine).runJobs(caseNo);
        assertThat(greenMail.getReceivedMessages()).anyMatch(m -> subject(m).startsWith("听证通知"));
        completeAs("zhangwei", "officer", caseNo, "Task_RecordHearingNoticeService", Map.of("hearingNoticeServedOn",
                today, "hearingNoticeServiceMethod", "DIRECT", "hearingNoticeReceiptNo", "SD-1"));
        // the hearing is recorded on its day, not before (#29)
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                java.time.LocalDate.parse(hearingDay).atTime(10, 0).atZone(org.lawflow.system.ChinaTime.ZONE).toInstant()));
        try {
            completeAs("chenjing", "hearing-host", caseNo, "Task_RecordHearing", Map.of("attendance", "PRESENT",
                    "investigatorStatement", "事实与证据", "partyDefence", "经营困难", "crossExamination", "无异议",
                    "partySigned", true));
        } finally {
            org.lawflow.TestClock.restore();
        }
        new Flows(new ApiClient(rest), processEngine).runJobs(caseNo);
        completeAs("chenjing", "hearing-host", caseNo, "Task_WriteHearingReport",
                Map.of("hearingOpinion", "事实清楚，证据充分，建议维持拟处罚决定"));
        new Flows(new ApiClient(rest), processEngine).runJobs(caseNo);
        var details = api.get("zhangwei", "/api/cases/" + id).json();
        assertThat(details.at("/hearing/flows/0/hearingOutcome").asText()).isEqualTo("HELD");
        assertThat(details.at("/hearing/flows/0/hearingNoticeServedOn").asText()).isEqualTo(today);
        assertThat(details.at("/events").toString()).contains("送达回证编号：SD-1");
        assertThat(details.at("/documents").toString()).contains("HEARING_NOTICE", "HEARING_RECORD", "HEARING_REPORT");
    }

    private static String subject(jakarta.mail.Message m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
