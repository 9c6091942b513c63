package org.lawflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * Eight officers' clients press the same start button at once (issue #27, item 3): exactly one flow per case and
 * kind starts (one 201, the rest 409) and the party gets one notice, not eight.
 */
@LawFlowSpringTest
class FlowStartRaceTest {

    static final int PARALLEL = 8;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    static ExecutorService pool;

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;

    @BeforeAll
    static void threads() {
        pool = Executors.newFixedThreadPool(PARALLEL);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void eightParallelReviewStartsStartOneReviewAndMailOneNotice() throws Exception {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        var filed = flows.filedCase("zhangwei", ApiClient.citizenCase("zhangwei", "liqiang"));

        var statuses = startAtOnce(api, "/api/cases/" + filed.id() + "/review", null);

        assertThat(statuses).containsExactly(201, 409, 409, 409, 409, 409, 409, 409);
        assertThat(instances("major-decision-review", filed.caseNo())).isEqualTo(1);
        var fromTasklist = api.post("zhangwei", "/engine-rest/process-definition/key/major-decision-review/start",
                Map.of("variables", Map.of("caseNo", Map.of("value", filed.caseNo()))));
        assertThat(fromTasklist.status()).as("a start as Tasklist does it: " + fromTasklist.body()).isEqualTo(409);
        assertThat(fromTasklist.body()).contains("本案已在审核程序中");
        flows.completeAs("zhangwei", filed.caseNo(), "Task_SubmitProposedDecision", Map.of("proposalConfirmed", true));
        flows.runJobs(filed.caseNo());
        assertThat(mailsTo("majianguo@party.example", filed.caseNo())).as("one 违法行为通知书 to the party").isEqualTo(1);
    }

    @Test
    void eightParallelHearingStartsStartOneHearingNotice() throws Exception {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        var filed = flows.filedCase("zhangwei", ApiClient.citizenCase("zhangwei", "liqiang"));

        var statuses = startAtOnce(api, "/api/cases/" + filed.id() + "/hearings", Map.of());

        assertThat(statuses).containsExactly(201, 409, 409, 409, 409, 409, 409, 409);
        assertThat(instances("hearing-notice", filed.caseNo())).isEqualTo(1);
        flows.runJobs(filed.caseNo());
        var documents = api.get("zhangwei", "/api/cases/" + filed.id() + "/documents").json().findValuesAsText("kind");
        assertThat(documents).as("one 听证告知书 for the party").containsExactly("HEARING_NOTIFICATION");
    }

    @Test
    void eightParallelCriminalTransfersStartOneTransfer() throws Exception {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        var filed = flows.filedCase("zhangwei", ApiClient.citizenCase("zhangwei", "liqiang"));

        var statuses = startAtOnce(api, "/api/cases/" + filed.id() + "/transfers", Map.of("kind", "criminal",
                "transferTeam", List.of("zhangwei", "liqiang"), "transferReason", "非法营运获利数额巨大，涉嫌非法经营罪"));

        assertThat(statuses).containsExactly(201, 409, 409, 409, 409, 409, 409, 409);
        assertThat(instances("criminal-case-transfer", filed.caseNo())).isEqualTo(1);
        assertThat(api.get("zhangwei", "/api/cases/" + filed.id() + "/transfers").json()).hasSize(1);
    }

    /** The same POST as zhangwei from {@value #PARALLEL} threads released together; the statuses, sorted. */
    private static List<Integer> startAtOnce(ApiClient api, String path, Object body) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return api.post("zhangwei", path, body);
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var call : calls) {
            var response = call.get(120, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.body()).isIn(201, 409);
            statuses.add(response.status());
        }
        return statuses.stream().sorted().toList();
    }

    private long instances(String processKey, String caseNo) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(caseNo)
                .count();
    }

    private static long mailsTo(String address, String caseNo) throws Exception {
        long n = 0;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject() != null && m.getSubject().contains(caseNo)
                    && java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address))) {
                n++;
            }
        }
        return n;
    }
}
