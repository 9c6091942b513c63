package org.lawflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Races on the real application (PostgreSQL in CI): two legal reviewers of xining complete the same 法制审核 task at
 * the same moment through the engine REST API (what Tasklist does), and a party's hearing request arrives while the
 * request window's timer fires. Each race is repeated a few times with fresh cases, so both orders occur.
 */
@LawFlowSpringTest
class ConcurrencyTest {

    static final int TASK_RACES = 4;
    static final int HEARING_RACES = 10;
    static final String SECOND_REVIEWER = "liuyang";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    static ExecutorService pool;

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void threads() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    ApiClient api() {
        return new ApiClient(rest);
    }

    /** A second legal reviewer of xining, created as an administrator would (password demo). */
    void secondReviewer() {
        if (identityService.createUserQuery().userId(SECOND_REVIEWER).count() > 0) {
            return;
        }
        var user = identityService.newUser(SECOND_REVIEWER);
        user.setFirstName("洋");
        user.setLastName("刘");
        user.setPassword("demo");
        identityService.saveUser(user);
        identityService.createMembership(SECOND_REVIEWER, "legal-reviewer");
        identityService.createTenantUserMembership("xining", SECOND_REVIEWER);
    }

    @Test
    void twoReviewersCompleteTheSameTaskOnceOneWinsTheOtherGets409() throws Exception {
        secondReviewer();
        var flows = new Flows(api(), engine);
        int losers409 = 0;
        for (int round = 0; round < TASK_RACES; round++) {
            var registration = ApiClient.citizenCase("zhangwei", "liqiang");
            registration.put("proposedDecision", Map.of("penalties", List.of(Map.of("kind", "FINE", "amount", 3000))));
            registration.put("majorPublicInterest", true);
            var filed = flows.filedCase("zhangwei", registration);
            String caseNo = filed.caseNo();
            assertThat(api().post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);
            taskService.complete(flows.task(caseNo, "Task_SubmitProposedDecision").getId(),
                    Map.of("proposalConfirmed", true));
            flows.runJobs(caseNo);
            taskService.complete(flows.task(caseNo, "Task_RecordNoticeDelivery").getId(),
                    Map.of("noticeDeliveredOn", ApiClient.todayInChina(),
                            "deliveryMethod", "DIRECT"));
            taskService.complete(flows.task(caseNo, "Task_RecordStatement").getId(),
                    Map.of("partyStated", false, "statementWaived", true, "opinion", "当事人书面放弃陈述申辩"));
            String taskId = flows.task(caseNo, "Task_ReviewLegality").getId();

            Map<String, Object> typed = new HashMap<>();
            Map.<String, Object>of("checkSubject", true, "checkAuthority", true, "checkProcedure", true,
                    "checkFacts", true, "checkLawApplied", true, "checkDiscretion", true, "checkDocuments", true,
                    "suspectedCrime", false, "reviewOpinion", "APPROVE", "reviewReasons", "事实清楚，证据确凿，程序合法。")
                    .forEach((k, v) -> typed.put(k, Map.of("value", v)));
            var results = race(
                    () -> api().exchange("wangfang", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
                            Map.of("variables", typed)),
                    () -> api().exchange(SECOND_REVIEWER, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
                            Map.of("variables", typed)));
            List<Integer> statuses = results.stream().map(ApiClient.Response::status).sorted().toList();
            System.out.println("task race " + round + ": " + statuses + " "
                    + results.stream().filter(r -> r.status() != 204).map(ApiClient.Response::body).toList());
            assertThat(statuses).as(results.toString()).containsExactly(204, 409);
            var loser = results.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(loser.body()).contains("该任务已由他人办理完毕", "刷新任务列表");
            assertThat(loser.body()).doesNotContain("Exception", "at org.");
            losers409++;

            assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNo)
                    .taskDefinitionKey("Task_ReviewLegality").finished().count()).isEqualTo(1);
            flows.runJobs(caseNo);
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
                    .taskDefinitionKey("Task_HeadDecision").count()).as("the flow continues once").isEqualTo(1);
        }
        System.out.println("ConcurrencyTest: " + TASK_RACES + " task-completion races, " + losers409 + " losers got 409");
    }

    @Test
    void hearingRequestRacingTheWindowTimerIsDecidedConsistentlyAndRecorded() throws Exception {
        String today = ApiClient.todayInChina();
        Map<String, Integer> outcomes = new HashMap<>();
        for (int round = 0; round < HEARING_RACES; round++) {
            var filed = new Flows(api(), engine).filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
            String id = filed.id();
            String caseNo = filed.caseNo();
            assertThat(api().post("zhangwei", "/api/cases/" + id + "/hearings", Map.of("noticeDeliveredOn", today))
                    .status()).isEqualTo(201);
            String pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("hearing-notice")
                    .processInstanceBusinessKey(caseNo).singleResult().getId();
            var timer = managementService.createJobQuery().processInstanceId(pi).timers()
                    .activityId("Timer_RequestWindow").singleResult();
            assertThat(timer).isNotNull();
            var request = (Callable<Object>) () -> api().post("liqiang", "/api/cases/" + id + "/hearing-requests",
                    Map.of("channel", "WRITTEN"));
            long timerDelay = round % 2 == 0 ? 0 : 5L * round; // staggered so that the request sometimes wins
            var fire = (Callable<Object>) () -> {
                try {
                    Thread.sleep(timerDelay);
                    managementService.executeJob(timer.getId()); // the window's timer, forced as if it were due
                    return "fired";
                } catch (RuntimeException e) {
                    return "timer lost: " + e.getClass().getSimpleName();
                }
            };
            var results = round % 2 == 0 ? race(request, fire) : race(fire, request);
            ApiClient.Response response = (ApiClient.Response) results.stream()
                    .filter(r -> r instanceof ApiClient.Response).findFirst().orElseThrow();
            // a timer that lost to the message is retried by the job executor: do that here
            if (managementService.createJobQuery().jobId(timer.getId()).count() > 0) {
                managementService.executeJob(timer.getId());
            }
            List<String> recorded = jdbc.sql("select outcome from hearing_request where case_id = ?")
                    .param(java.util.UUID.fromString(id)).query(String.class).list();
            System.out.println("hearing race " + round + ": " + response.status() + " " + recorded + " / "
                    + results.stream().filter(r -> !(r instanceof ApiClient.Response)).toList());
            assertThat(response.status()).as(response.body()).isIn(202, 409, 422);
            assertThat(recorded).as("every request is recorded once").hasSize(1);
            String outcome = recorded.get(0);
            outcomes.merge(outcome, 1, Integer::sum);
            var appointTasks = taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
                    .taskDefinitionKey("Task_AppointHost").count();
            boolean waived = historyService.createHistoricActivityInstanceQuery().processInstanceId(pi)
                    .activityId("Task_RecordWaiver").count() > 0;
            if (outcome.equals("ACCEPTED")) {
                assertThat(response.status()).isEqualTo(202);
                assertThat(appointTasks).as("accepted → host appointment").isEqualTo(1);
                assertThat(waived).isFalse();
            } else {
                assertThat(outcome).isIn("LATE", "NOT_OPEN");
                assertThat(response.status()).isIn(409, 422);
                assertThat(appointTasks).isZero();
                assertThat(waived).as("refused → waived by the timer").isTrue();
            }
        }
        System.out.println("ConcurrencyTest: " + HEARING_RACES + " hearing-request/timer races, outcomes " + outcomes);
    }

    /** Runs both at once (released together by a latch) and returns their results in the given order. */
    @SafeVarargs
    private static <T> List<T> race(Callable<? extends T>... calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<? extends T>> futures = new ArrayList<>();
        for (Callable<? extends T> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (var f : futures) {
            results.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        return results;
    }
}
