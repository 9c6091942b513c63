package org.lawflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
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
 * The one reminder pattern, for real: the legal review's timeout listener fires at the task's own deadline, mails the
 * reviewers and the supervisor over SMTP (GreenMail) and leaves the task open.
 */
@LawFlowSpringTest
class DeadlineReminderMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;

    @Test
    void anOverdueLegalReviewRemindsTheReviewersAndTheSupervisorAndStaysOpen() throws Exception {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        var registration = ApiClient.citizenCase("zhangwei", "liqiang");
        registration.put("proposedDecision", Map.of("penalties", List.of(Map.of("kind", "FINE", "amount", 3000))));
        registration.put("majorPublicInterest", true);
        var filed = flows.filedCase("zhangwei", registration);
        String caseNo = filed.caseNo();
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);
        complete(flows, "zhangwei", caseNo, "Task_SubmitProposedDecision", Map.of("proposalConfirmed", true));
        flows.runJobs(caseNo);
        complete(flows, "zhangwei", caseNo, "Task_RecordNoticeDelivery",
                Map.of("noticeDeliveredOn", "2026-11-23", "deliveryMethod", "DIRECT"));
        complete(flows, "zhangwei", caseNo, "Task_RecordStatement",
                Map.of("partyStated", false, "statementWaived", true, "opinion", "当事人书面放弃陈述申辩"));

        var review = flows.task(caseNo, "Task_ReviewLegality");
        var reminder = engine.getManagementService().createJobQuery()
                .processInstanceId(review.getProcessInstanceId()).activityId("Task_ReviewLegality").timers()
                .singleResult();
        assertThat(reminder.getDuedate()).as("timer = the task's deadline").isEqualTo(review.getDueDate());
        int before = smtp.getReceivedMessages().length;

        engine.getManagementService().executeJob(reminder.getId());

        List<MimeMessage> reminders = Arrays.stream(smtp.getReceivedMessages()).skip(before).toList();
        assertThat(reminders).extracting(m -> Arrays.stream(m.getAllRecipients()).map(Address::toString).toList())
                .flatExtracting(l -> l).anyMatch(a -> a.contains("wangfang@")).anyMatch(a -> a.contains("sunli@"))
                .noneMatch(a -> a.contains("zhangwei@"));
        assertThat(reminders).allSatisfy(m -> {
            assertThat(m.getSubject()).contains("【期限提醒】法制审核期限").contains(caseNo);
            assertThat(String.valueOf(m.getContent())).contains("期限届满时间").contains("年").doesNotContain("T23:59");
        });
        assertThat(flows.task(caseNo, "Task_ReviewLegality").getId()).as("the review goes on").isEqualTo(review.getId());
    }

    private static void complete(Flows flows, String user, String caseNo, String key, Map<String, Object> variables) {
        var done = flows.completeAs(user, caseNo, key, variables);
        assertThat(done.status()).as(key + ": " + done.body()).isIn(200, 204);
    }
}
