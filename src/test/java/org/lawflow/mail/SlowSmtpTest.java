package org.lawflow.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A slow SMTP server: {@link SlowSmtpProxy} on the application's SMTP port holds back GreenMail's replies.
 * <ol>
 * <li>Slow within the client timeouts of application.yaml (read timeout 60 s): mails go out exactly once, the job
 * threads finish.</li>
 * <li>Slower than the read timeout (1 s for these tests) from the greeting on: every attempt fails, the job retries,
 * then an incident shows in the engine REST (what Cockpit shows); once the server is fast again and an operator sets
 * the retries, the mail is delivered once.</li>
 * <li>Only the reply to the end of the message data is late: the server has the message, the client does not know.
 * This shows what really happens: each timed-out attempt was delivered, and each retry delivers another copy with
 * the same Message-ID. Asserted as a bound (copies = attempts that transmitted the message), not hidden.</li>
 * </ol>
 */
@LawFlowSpringTest
class SlowSmtpTest {

    /** Case 1: every reply 1 s late, the reply to the end of data 8 s late; both below the configured read timeout. */
    static final long SLOW_REPLY_MILLIS = 1_000;
    static final long SLOW_END_OF_DATA_MILLIS = 8_000;
    /** Read timeout of cases 2 and 3: short, so the retries run quickly. */
    static final String SHORT_TIMEOUT_MILLIS = "1000";
    static final long TOO_SLOW_MILLIS = 3_000;

    static GreenMail greenMail;
    static SlowSmtpProxy proxy;

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired JdbcClient jdbc;
    Properties configuredMailProperties;

    @BeforeAll
    static void startSmtp() throws Exception {
        int upstream;
        try (var s = new java.net.ServerSocket(0)) {
            upstream = s.getLocalPort();
        }
        greenMail = new GreenMail(new ServerSetup(upstream, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        proxy = new SlowSmtpProxy(TestSmtp.port(), upstream);
    }

    @AfterAll
    static void stopSmtp() throws Exception {
        proxy.close();
        greenMail.stop();
    }

    @BeforeEach
    void deploy() throws Exception {
        repositoryService.createDeployment().name("mail-outage-test").tenantId("xining").enableDuplicateFiltering(true)
                .addClasspathResource("bpmn-test/mail-outage-test.bpmn").deploy();
        greenMail.purgeEmailFromAllMailboxes();
        configuredMailProperties = mailSender.getJavaMailProperties();
    }

    @AfterEach
    void restore() {
        mailSender.setJavaMailProperties(configuredMailProperties); // also drops the cached mail session
        proxy.replyDelayMillis = 0;
        proxy.endOfDataDelayMillis = 0;
    }

    @Test
    void slowWithinTheTimeoutsDeliversEachMailOnceAndFreesTheJobThreads() throws Exception {
        assertThat(Long.parseLong(configuredMailProperties.getProperty("mail.smtp.timeout")))
                .as("the configured read timeout is above the slowest reply").isGreaterThan(SLOW_END_OF_DATA_MILLIS);
        proxy.replyDelayMillis = SLOW_REPLY_MILLIS;
        proxy.endOfDataDelayMillis = SLOW_END_OF_DATA_MILLIS;
        int transmittedBefore = proxy.messagesTransmitted.get();
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instances.add(startReminder());
        }
        // the job executor's threads, as four parallel job executions
        ExecutorService threads = Executors.newFixedThreadPool(instances.size());
        long started = System.nanoTime();
        List<Long> durations = new ArrayList<>();
        try {
            List<Future<Long>> runs = new ArrayList<>();
            for (String pi : instances) {
                String jobId = managementService.createJobQuery().processInstanceId(pi).singleResult().getId();
                runs.add(threads.submit(() -> {
                    long t = System.nanoTime();
                    managementService.executeJob(jobId);
                    return (System.nanoTime() - t) / 1_000_000;
                }));
            }
            for (var run : runs) {
                durations.add(run.get(60, TimeUnit.SECONDS)); // a stuck job thread fails here
            }
        } finally {
            threads.shutdownNow();
        }
        long total = (System.nanoTime() - started) / 1_000_000;
        assertThat(durations).as("each send waited for the slow replies").allMatch(d -> d >= SLOW_END_OF_DATA_MILLIS);
        for (String pi : instances) {
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).as("flow finished").isZero();
            assertThat(records(pi)).extracting(r -> r.get("status")).containsExactly("SENT");
        }
        assertThat(instances).allSatisfy(pi -> assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count())
                .as("no incident").isZero());
        Map<String, Integer> copies = copiesByMessageId();
        assertThat(copies).hasSize(instances.size()).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(proxy.messagesTransmitted.get() - transmittedBefore).isEqualTo(instances.size());
        System.out.println("SlowSmtpTest: replies " + SLOW_REPLY_MILLIS + " ms late, end-of-data reply "
                + SLOW_END_OF_DATA_MILLIS + " ms late (read timeout " + configuredMailProperties.getProperty("mail.smtp.timeout")
                + " ms): " + instances.size() + " mails in parallel took " + durations + " ms each, " + total
                + " ms in all; each delivered once, no incident");
    }

    @Test
    void slowerThanTheTimeoutRetriesThenIncidentAndAfterRecoveryOneMail() throws Exception {
        useReadTimeout(SHORT_TIMEOUT_MILLIS);
        proxy.replyDelayMillis = TOO_SLOW_MILLIS;
        String pi = startReminder();
        int attempts = failUntilIncident(pi);
        assertThat(greenMail.getReceivedMessages()).as("nothing got through the slow greeting").isEmpty();
        assertThat(records(pi)).singleElement().satisfies(r -> {
            assertThat(r.get("status")).isEqualTo("FAILED");
            assertThat((Integer) r.get("attempts")).isEqualTo(attempts);
        });

        String jobId = recoverLikeAnOperator(pi);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
        assertThat(records(pi)).extracting(r -> r.get("status")).containsExactly("SENT");
        assertThat(copiesByMessageId()).as("delivered once").containsExactly(
                Map.entry((String) records(pi).get(0).get("message_id"), 1));
        System.out.println("SlowSmtpTest: replies " + TOO_SLOW_MILLIS + " ms late, read timeout " + SHORT_TIMEOUT_MILLIS
                + " ms: " + attempts + " failed attempts, then an incident (job " + jobId + "); server fast again, "
                + "retries set: 1 mail delivered");
    }

    @Test
    void lateReplyToTheEndOfDataDeliversACopyPerAttemptWithTheSameMessageId() throws Exception {
        useReadTimeout(SHORT_TIMEOUT_MILLIS);
        proxy.endOfDataDelayMillis = TOO_SLOW_MILLIS;
        int transmittedBefore = proxy.messagesTransmitted.get();
        String pi = startReminder();
        int attempts = failUntilIncident(pi);
        int transmittedDuringFailures = proxy.messagesTransmitted.get() - transmittedBefore;
        assertThat(transmittedDuringFailures).as("every failed attempt transmitted the whole message").isEqualTo(attempts);
        // what really happens: GreenMail stored the message before it replied, the client timed out waiting for "250"
        int deliveredWhileFailing = greenMail.getReceivedMessages().length;

        recoverLikeAnOperator(pi);
        String messageId = (String) records(pi).get(0).get("message_id");
        assertThat(records(pi)).extracting(r -> r.get("status")).containsExactly("SENT");
        Map<String, Integer> copies = copiesByMessageId();
        assertThat(copies.keySet()).as("all copies carry the one Message-ID").containsExactly(messageId);
        assertThat(copies.get(messageId)).as("one copy per transmission, never a loss")
                .isEqualTo(transmittedDuringFailures + 1).isEqualTo(deliveredWhileFailing + 1);
        System.out.println("SlowSmtpTest: reply to the end of data " + TOO_SLOW_MILLIS + " ms late, read timeout "
                + SHORT_TIMEOUT_MILLIS + " ms: " + attempts + " attempts timed out although the server had stored the"
                + " mail each time; after recovery the recipient holds " + copies.get(messageId)
                + " copies with the same Message-ID " + messageId);
    }

    /** Runs the job as the executor would until its retries are used up; asserts the incident as Cockpit shows it. */
    private int failUntilIncident(String pi) {
        var job = managementService.createJobQuery().processInstanceId(pi).singleResult();
        int attempts = 0;
        while (job.getRetries() > 0 && attempts < 10) {
            String jobId = job.getId();
            assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("邮件发送失败");
            attempts++;
            job = managementService.createJobQuery().jobId(jobId).singleResult();
        }
        assertThat(job.getRetries()).isZero();
        String failedJobId = job.getId();
        var api = new ApiClient(rest);
        var incidents = api.get("sunli", "/engine-rest/incident?processInstanceId=" + pi);
        assertThat(incidents.status()).isEqualTo(200);
        assertThat(incidents.json()).as("the supervisor sees the incident").singleElement().satisfies(i -> {
            assertThat(i.get("incidentType").asText()).isEqualTo("failedJob");
            assertThat(i.get("configuration").asText()).isEqualTo(failedJobId);
            assertThat(i.get("incidentMessage").asText()).contains("邮件发送失败");
        });
        return attempts;
    }

    /** The server is fast again; the supervisor sets the job's retries (Cockpit does this through the engine REST). */
    private String recoverLikeAnOperator(String pi) {
        proxy.replyDelayMillis = 0;
        proxy.endOfDataDelayMillis = 0;
        String jobId = managementService.createJobQuery().processInstanceId(pi).singleResult().getId();
        var set = new ApiClient(rest).exchange("sunli", HttpMethod.PUT, "/engine-rest/job/" + jobId + "/retries",
                Map.of("retries", 1));
        assertThat(set.status()).as(set.body()).isEqualTo(204);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count()).as("incident resolved").isZero();
        managementService.executeJob(jobId); // what the job executor does next
        return jobId;
    }

    private void useReadTimeout(String millis) {
        Properties shorter = new Properties();
        shorter.putAll(configuredMailProperties);
        shorter.setProperty("mail.smtp.timeout", millis);
        shorter.setProperty("mail.smtp.writetimeout", millis);
        mailSender.setJavaMailProperties(shorter);
    }

    private String startReminder() {
        var created = new ApiClient(rest).post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(created.status()).isEqualTo(201);
        return runtimeService.createProcessInstanceByKey("mail-outage-test").processDefinitionTenantId("xining")
                .setVariables(Map.of("caseId", created.json().get("id").asText(), "agencyId", "xining", "due", "2026-12-05"))
                .execute().getId();
    }

    private List<Map<String, Object>> records(String pi) {
        return jdbc.sql("select message_id, status, attempts from mail_record where process_instance_id = ?").param(pi)
                .query().listOfRows();
    }

    private static Map<String, Integer> copiesByMessageId() throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            copies.merge(m.getMessageID(), 1, Integer::sum);
        }
        return copies;
    }
}
