package org.lawflow.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestClock;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The about-to-lapse mail (issue #30, item 7): once a task comes within two working days of its deadline its holders
 * get one 即将到期 mail with the deadline in China time; a task that arrived already due soon gets none (its arrival
 * mail named the deadline).
 */
@LawFlowSpringTest
class DueSoonMailsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired DueSoonMails dueSoonMails;
    @Autowired JdbcClient jdbc;

    @Test
    void oneMailWhenATaskComesWithinTwoWorkingDaysOfItsDeadline() throws Exception {
        setClock("2026-12-11T17:05:00+08:00"); // a Friday
        try {
            Task later = approvalOf(register());
            Task soon = approvalOf(register());
            var tasks = engine.getTaskService();
            tasks.setDueDate(later.getId(), at("2026-12-17T23:59:59+08:00")); // Thursday: 4 working days away
            tasks.setDueDate(soon.getId(), at("2026-12-15T23:59:59+08:00")); // Tuesday: due soon on arrival

            dueSoonMails.remind();
            assertThat(queued(later)).as("Thursday is not due soon on Friday").isZero();

            setClock("2026-12-15T09:00:00+08:00"); // Tuesday: Thursday is the second working day
            dueSoonMails.remind();
            dueSoonMails.remind();
            assertThat(queued(later)).as("the two heads, once").isEqualTo(2);
            assertThat(queued(soon)).as("arrived due soon").isZero();

            sendOutbox();
            List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> subject(m).startsWith("【即将到期】")).toList();
            String caseNo = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(later.getProcessInstanceId()).singleResult().getBusinessKey();
            assertThat(mails).filteredOn(m -> subject(m).contains(caseNo)).hasSize(2).first().satisfies(m -> {
                assertThat(m.getSubject()).isEqualTo("【即将到期】审批立案：" + caseNo + "，期限2026年12月17日 23:59");
                assertThat(String.valueOf(m.getContent())).contains("办理期限：2026年12月17日 23:59",
                        "#/?task=" + later.getId());
                assertThat(m.getHeader("Date", null)).isEqualTo("Tue, 15 Dec 2026 09:00:00 +0800");
            });
        } finally {
            TestClock.restore();
        }
    }

    @Autowired org.springframework.context.ApplicationContext context;

    /** The outbox is package-private in mail; tests outside reach it as a bean. */
    private void sendOutbox() throws Exception {
        Object outbox = context.getBean("taskMailOutbox");
        var method = outbox.getClass().getDeclaredMethod("sendPending");
        method.setAccessible(true);
        method.invoke(outbox);
    }

    private long queued(Task task) {
        return jdbc.sql("select count(*) from mail_record where activity_id = ?").param("task-due-soon-" + task.getId())
                .query(Long.class).single();
    }

    private String register() {
        var created = new ApiClient(rest).post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("caseNo").asText();
    }

    private Task approvalOf(String caseNo) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    }

    private static Date at(String time) {
        return Date.from(OffsetDateTime.parse(time).toInstant());
    }

    private static void setClock(String time) {
        ClockUtil.setCurrentTime(at(time));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
