package org.lawflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lawflow.LawFlowNode.count;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.lawflow.IntegrationTest;
import org.lawflow.LawFlowNode;
import org.lawflow.ScratchDatabase;
import org.lawflow.TestDatabase;
import org.lawflow.WebappSession;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Two LawFlow nodes on one PostgreSQL database, as the README's "Scaling out" describes (Camunda's shared-database
 * cluster, no sticky sessions): the second node does not deploy the processes again, a Tasklist login made on one
 * node is valid on the other (sessions and CSRF tokens live in the database), and flows submitted on either node have
 * their jobs run by both job executors, each job once: one notice and one mail per flow.
 */
@IntegrationTest
class TwoNodeClusterTest {

    static final int FLOWS = 20;
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void twoNodesShareProcessesSessionsAndJobs() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "a cluster needs a shared PostgreSQL database");
        ScratchDatabase db = ScratchDatabase.create("lawflow_test_cluster");
        String dbUrl = db.url();
        int smtpPort = LawFlowNode.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // one after the other: the first creates the schema and the demo data, the second finds them
        try (LawFlowNode a = LawFlowNode.start("node-a", dbUrl, smtpPort, List.of());
                LawFlowNode b = LawFlowNode.start("node-b", dbUrl, smtpPort, List.of())) {

            assertThat(count(dbUrl, "select count(*) from act_re_procdef where key_ = 'major-decision-review'"))
                    .as("node-b found the deployment of node-a and did not deploy again").isEqualTo(1);

            // flows registered and submitted alternately on both nodes
            List<Map<String, String>> cases = new ArrayList<>();
            for (int i = 0; i < FLOWS; i++) {
                cases.add((i % 2 == 0 ? a : b).caseInReview(i));
            }
            for (int i = 0; i < FLOWS; i++) {
                (i % 2 == 0 ? b : a).complete("zhangwei", cases.get(i).get("caseNo"),
                        Map.of("proposalConfirmed", true));
            }
            long until = System.currentTimeMillis() + 90_000;
            int waiting;
            do {
                Thread.sleep(500);
                waiting = count(dbUrl, "select count(*) from act_ru_task where task_def_key_ = 'Task_RecordNoticeDelivery'");
            } while (waiting < FLOWS && System.currentTimeMillis() < until);
            assertThat(waiting).as("every flow reached 记录通知书送达").isEqualTo(FLOWS);
            assertThat(count(dbUrl, "select count(*) from act_ru_incident")).as("no incidents").isZero();

            // both job executors worked; every job succeeded exactly once
            Map<String, Integer> jobsByNode = new HashMap<>();
            try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
                    var rs = c.createStatement().executeQuery("select hostname_, count(*) from act_hi_job_log "
                            + "where job_state_ = 2 and job_def_type_ = 'async-continuation' group by hostname_")) {
                while (rs.next()) {
                    jobsByNode.put(rs.getString(1), rs.getInt(2));
                }
            }
            System.out.println("TwoNodeClusterTest: successful async jobs by node " + jobsByNode);
            assertThat(jobsByNode).as("jobs ran on both nodes").containsOnlyKeys("node-a", "node-b");
            assertThat(count(dbUrl, "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 "
                    + "group by job_id_ having count(*) > 1) twice")).as("no job succeeded twice").isZero();
            assertThat(count(dbUrl, "select count(*) from document where kind = 'VIOLATION_NOTICE'")).isEqualTo(FLOWS);
            assertThat(count(dbUrl, "select count(distinct message_id) from mail_record where status = 'SENT'"))
                    .isEqualTo(FLOWS);
            Map<String, Integer> byMessageId = new HashMap<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                byMessageId.merge(m.getMessageID(), 1, Integer::sum);
            }
            assertThat(byMessageId).as("one mail per flow").hasSize(FLOWS);
            assertThat(byMessageId.values()).as("none twice").containsOnly(1);

            // a Tasklist login on node-a is a login on node-b (sessions and CSRF tokens live in the database)
            String taskId;
            String officer;
            try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
                    var rs = c.createStatement().executeQuery("select id_, assignee_ from act_ru_task "
                            + "where task_def_key_ = 'Task_RecordNoticeDelivery' limit 1")) {
                assertThat(rs.next()).isTrue();
                taskId = rs.getString(1);
                officer = rs.getString(2);
            }
            var session = WebappSession.login(http, a.uri("").toString(), officer);
            var me = http.send(session.get(b.uri("/camunda/api/admin/auth/user/default").toString()),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).as("node-b knows the session of node-a: " + me.body()).isEqualTo(200);
            assertThat(JSON.readTree(me.body()).get("userId").asText()).isEqualTo(officer);
            var stranger = http.send(HttpRequest.newBuilder(b.uri("/camunda/api/admin/auth/user/default"))
                    .header("Cookie", "JSESSIONID=" + java.util.UUID.randomUUID()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stranger.statusCode()).as("an unknown session is not logged in").isIn(401, 403, 404);
            String task = "/camunda/api/engine/engine/default/task/" + taskId;
            var unclaim = http.send(WebappSession.post(b.uri(task + "/unclaim").toString(), session.jar(),
                    session.token(), "{}"), HttpResponse.BodyHandlers.ofString());
            assertThat(unclaim.statusCode()).as("node-a's CSRF token works on node-b: " + unclaim.body()).isEqualTo(204);
            var claim = http.send(WebappSession.post(a.uri(task + "/claim").toString(), session.jar(), session.token(),
                    "{\"userId\":\"" + officer + "\"}"), HttpResponse.BodyHandlers.ofString());
            assertThat(claim.statusCode()).as("and back on node-a: " + claim.body()).isEqualTo(204);
            var forged = http.send(WebappSession.post(b.uri(task + "/unclaim").toString(), session.jar(), "forged",
                    "{}"), HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).as("a wrong CSRF token is refused on node-b")
                    .isEqualTo(403);
        } finally {
            smtp.stop();
            db.drop();
        }
    }
}
