package org.lawflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestClock;
import org.lawflow.TestSmtp;
import org.lawflow.agency.AgencyRepository;
import org.lawflow.casefile.Cases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * A task's arrival is mailed to the people who may work it, in Chinese and China time with a link to the task in
 * Tasklist, after the transaction that created it: a mail server that is down neither fails nor delays the person
 * whose action created the task, and the mail follows when the server is back (issue #30, item 7).
 */
@LawFlowSpringTest
class TaskMailsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired TaskMailOutbox outbox;
    @Autowired MailRecords records;
    @Autowired MailDelivery delivery;
    @Autowired Cases cases;
    @Autowired AgencyRepository agencies;
    @Autowired PlatformTransactionManager transactionManager;

    @Test
    void theHeadsHearOfTheNewFilingApprovalInChinaTimeWithALinkToTheTask() throws Exception {
        setClock("2026-12-11T17:05:00+08:00");
        try {
            outbox.sendPending(); // what earlier tests queued
            var registered = register();
            Task approval = engine.getTaskService().createTaskQuery()
                    .processInstanceBusinessKey(registered.caseNo()).singleResult();
            assertThat(mails(registered.caseNo())).as("not sent inside the registration's transaction").isEmpty();
            assertThat(taskMails(registered.id())).extracting(MailRecord::status).containsOnly(MailRecord.PENDING)
                    .hasSize(2);
            assertThat(records.find(taskMails(registered.id()).get(0).messageId())).isPresent();

            // read when sent: a deadline at the end of a day in China (15:59 in UTC)
            engine.getTaskService().setDueDate(approval.getId(),
                    Date.from(OffsetDateTime.parse("2026-12-14T23:59:59+08:00").toInstant()));
            outbox.sendPending();
            List<MimeMessage> mails = mails(registered.caseNo());
            assertThat(mails).extracting(m -> m.getAllRecipients()[0].toString())
                    .containsExactlyInAnyOrder("zhaomin@lawflow.example", "qianlei@lawflow.example");
            MimeMessage mail = mails.get(0);
            assertThat(mail.getSubject()).isEqualTo("【待办】审批立案：" + registered.caseNo());
            assertThat(mail.getHeader("Date", null)).isEqualTo("Fri, 11 Dec 2026 17:05:00 +0800");
            assertThat(String.valueOf(mail.getContent())).contains("您有一项新的待办任务（可认领）",
                    "案号：" + registered.caseNo(), "到达时间：2026年12月11日 17:05",
                    "办理期限：2026年12月14日 23:59",
                    "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + approval.getId());
            assertThat(taskMails(registered.id())).extracting(MailRecord::status).containsOnly(MailRecord.SENT);

            outbox.sendPending();
            assertThat(mails(registered.caseNo())).as("sent once").hasSize(2);
            assertThat(rest.withBasicAuth("zhaomin", "demo").getForObject("/api/cases/" + registered.id(),
                    String.class)).as("no correspondence of the case").doesNotContain("task-arrival");
        } finally {
            TestClock.restore();
        }
    }

    @Test
    void aMailServerThatIsDownBlocksNobodyAndTheMailFollowsLater() throws Exception {
        setClock("2026-12-11T17:05:00+08:00");
        try {
            outbox.sendPending();
            smtp.stop();
            var registered = register();
            assertThat(outbox.sendPending()).isZero();
            assertThat(taskMails(registered.id())).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(MailRecord.FAILED);
                assertThat(r.attempts()).isEqualTo(1);
            });

            // the sending after the commit runs on the outbox's own thread: nothing reaches the caller
            var active = new TaskMailOutbox(records, delivery, engine.getTaskService(), cases, agencies,
                    "http://localhost:8080/camunda/app/tasklist/default/", true);
            try {
                String messageId = taskMails(registered.id()).get(0).messageId();
                var r = records.find(messageId).orElseThrow();
                records.save(new MailRecord(UUID.randomUUID(), messageId, r.caseId(), r.agencyId(),
                        r.processInstanceId(), r.activityId(), r.template(), r.recipientToken(), r.recipient(), null,
                        "", MailRecord.PENDING, false, 1, null, r.createdAt(), null));
                new TransactionTemplate(transactionManager).executeWithoutResult(
                        status -> active.sendAfterCommit(List.of(messageId)));
                Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(
                        () -> records.find(messageId).orElseThrow().attempts() == 2);
                assertThat(records.find(messageId).orElseThrow().status()).isEqualTo(MailRecord.FAILED);
            } finally {
                active.destroy();
            }

            smtp.start();
            setClock("2026-12-11T17:11:00+08:00");
            outbox.sendPending();
            assertThat(mails(registered.caseNo())).as("not before its retry time").hasSize(1);
            setClock("2026-12-11T17:16:00+08:00");
            outbox.sendPending();
            assertThat(mails(registered.caseNo())).extracting(m -> m.getAllRecipients()[0].toString())
                    .containsExactlyInAnyOrder("zhaomin@lawflow.example", "qianlei@lawflow.example");
            assertThat(taskMails(registered.id())).extracting(MailRecord::status).containsOnly(MailRecord.SENT);
        } finally {
            TestClock.restore();
        }
    }

    private record Registered(String id, String caseNo) {
    }

    private Registered register() {
        var created = new ApiClient(rest).post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Registered(created.json().get("id").asText(), created.json().get("caseNo").asText());
    }

    private List<MailRecord> taskMails(String caseId) {
        return records.ofCase(UUID.fromString(caseId)).stream().filter(r -> TaskMails.ARRIVAL.equals(r.template()))
                .toList();
    }

    private static List<MimeMessage> mails(String caseNo) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(caseNo)).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setClock(String time) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(time).toInstant()));
    }
}
