package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the loser of two concurrent completions of one task is told. The race itself is exercised by
 * ConcurrencyTest; here each way the loser's request can fail is replayed on a task that the other user has
 * completed meanwhile, so every answer is checked every time (in the race some show up once in many runs: a task
 * listener of the loser once found the task's execution already deleted and failed with a NullPointerException).
 */
@LawFlowSpringTest
class TaskConflictAnswerTest {

    private static final String LISTENER_FAILED = "{\"type\":\"RestException\",\"message\":\"Cannot complete task: "
            + "ENGINE-03051 There was an exception while invoking the TaskListener. Message: 'Cannot invoke "
            + "\\\"String.length()\\\" because \\\"name\\\" is null'\",\"code\":0}";

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired ObjectProvider<ProcessEngine> engineProvider;
    @Autowired ObjectMapper json;

    @Test
    void aFailureOnATaskSomeoneElseCompletedMeanwhileIsAConflict() throws Exception {
        Task task = approvalTask();
        engine.getTaskService().complete(task.getId(), Map.of("filingDecision", "approve", "filingOpinion", "同意立案"));

        var listenerFailed = replay(task.getId(), 500, LISTENER_FAILED);
        assertThat(listenerFailed.getStatus()).isEqualTo(409);
        assertThat(listenerFailed.getContentAsString(StandardCharsets.UTF_8))
                .contains("该任务已由他人办理完毕", "刷新任务列表").doesNotContain("Exception", "name");

        var grantsGone = replay(task.getId(), 403, "{\"type\":\"AuthorizationException\",\"message\":\"no\"}");
        assertThat(grantsGone.getStatus()).isEqualTo(409);
    }

    @Test
    void aFailureOnAnOpenTaskStaysWhatItIs() throws Exception {
        Task task = approvalTask();

        var failed = replay(task.getId(), 500, LISTENER_FAILED);
        assertThat(failed.getStatus()).as("a real failure is not hidden as a conflict").isEqualTo(500);
        assertThat(failed.getContentAsString(StandardCharsets.UTF_8)).contains("TaskListener");

        var forbidden = replay(task.getId(), 403, "{\"type\":\"AuthorizationException\",\"message\":\"no\"}");
        assertThat(forbidden.getStatus()).isEqualTo(403);
    }

    @Test
    void aDatabaseOutageIsStillA503() throws Exception {
        Task task = approvalTask();
        engine.getTaskService().complete(task.getId(), Map.of("filingDecision", "approve", "filingOpinion", "同意立案"));

        var down = replay(task.getId(), 500, "{\"type\":\"ProcessEngineException\",\"message\":\"x\",\"code\":"
                + DatabaseExceptionCodes.DATABASE_UNAVAILABLE + "}");
        assertThat(down.getStatus()).isEqualTo(503);
    }

    private Task approvalTask() {
        var created = new ApiClient(rest).post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(created.json().get("caseNo").asText()).singleResult();
    }

    /** The engine REST answer {@code status}/{@code body} to POST .../task/{id}/complete, through the filter. */
    private MockHttpServletResponse replay(String taskId, int status, String body) throws Exception {
        var request = new MockHttpServletRequest("POST", "/engine-rest/task/" + taskId + "/complete");
        var response = new MockHttpServletResponse();
        new EngineRestErrorFilter(json, engineProvider).doFilter(request, response, (req, res) -> {
            var http = (jakarta.servlet.http.HttpServletResponse) res;
            http.setStatus(status);
            http.setContentType("application/json");
            http.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        });
        return response;
    }
}
