package org.lawflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

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
        String caseNo = flows.majorCaseAtLegalReview(ApiClient.todayInChina()).caseNo();

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
}
