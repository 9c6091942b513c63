package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * Cockpit's "Increment retries" on a failed job (retries 0, due again only at its last failure + 5 minutes,
 * {@code failedJobRetryTimeCycle} R5/PT5M) makes it due now — through the engine REST, Cockpit's own engine API and
 * the batch — while a timer that never failed keeps its due date.
 */
@LawFlowSpringTest
class RetriedJobDueNowTest {

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired AuthorizationService authorizationService;
    @Autowired TestRestTemplate rest;
    @LocalServerPort int port;

    @BeforeEach
    void deploy() {
        repositoryService.createDeployment().name("retried-job-due-now-test").tenantId("xining")
                .enableDuplicateFiltering(true)
                .addModelInstance("retried-job-due-now-test.bpmn", Bpmn.createExecutableProcess("retried-job-test")
                        .camundaHistoryTimeToLive(1).startEvent().serviceTask("Task_Fails").camundaAsyncBefore()
                        .camundaExpression("${retriedJobTestHasNoSuchBean}").endEvent().done())
                .addModelInstance("retried-timer-test.bpmn", Bpmn.createExecutableProcess("retried-timer-test")
                        .camundaHistoryTimeToLive(1).startEvent().intermediateCatchEvent("Timer_Hour")
                        .timerWithDuration("PT1H").endEvent().done())
                .deploy();
    }

    @Test
    void incrementingRetriesInTheEngineRestMakesTheFailedJobDueNow() {
        String jobId = failedJob();
        var answer = new ApiClient(rest).exchange("sunli", HttpMethod.PUT, "/engine-rest/job/" + jobId + "/retries",
                Map.of("retries", 1));
        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        assertDueNow(jobId);

        // a timer that never failed keeps its due date when its retries are set (it must not fire early)
        String pi = runtimeService.createProcessInstanceByKey("retried-timer-test").processDefinitionTenantId("xining")
                .execute().getId();
        Job timer = managementService.createJobQuery().processInstanceId(pi).singleResult();
        var timerAnswer = new ApiClient(rest).exchange("sunli", HttpMethod.PUT, "/engine-rest/job/" + timer.getId()
                + "/retries", Map.of("retries", 5));
        assertThat(timerAnswer.status()).as(timerAnswer.body()).isEqualTo(204);
        Job after = managementService.createJobQuery().jobId(timer.getId()).singleResult();
        assertThat(after.getRetries()).isEqualTo(5);
        assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
    }

    @Test
    void cockpitsOwnEngineApiAndTheBatchDoTheSame() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        var session = WebappSession.login(client, base, "sunli");
        String cockpitJob = failedJob();
        var put = HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/job/" + cockpitJob
                        + "/retries")).header("Content-Type", "application/json").header("X-XSRF-TOKEN", session.token())
                .header("Cookie", String.join("; ", session.jar().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"retries\":1}")).build();
        var answer = client.send(put, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        assertDueNow(cockpitJob);

        // the batch (POST /job/retries): nobody has that permission by default; the supervisor gets it for the test
        String batchJob = failedJob();
        var grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId("sunli");
        grant.setResource(Resources.BATCH);
        grant.setResourceId("*");
        grant.addPermission(BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES);
        authorizationService.saveAuthorization(grant);
        ApiClient.Response batch;
        try {
            batch = new ApiClient(rest).post("sunli", "/engine-rest/job/retries",
                    Map.of("jobIds", List.of(batchJob), "retries", 1));
        } finally {
            authorizationService.deleteAuthorization(grant.getId());
        }
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        var created = managementService.createBatchQuery().batchId(batch.json().get("id").asText()).singleResult();
        for (String definition : List.of(created.getSeedJobDefinitionId(), created.getBatchJobDefinitionId())) {
            managementService.createJobQuery().jobDefinitionId(definition).list()
                    .forEach(j -> managementService.executeJob(j.getId()));
        }
        assertDueNow(batchJob);
    }

    /** A job that failed until its retries ran out: due again only at its last failure + 5 minutes. */
    private String failedJob() {
        String pi = runtimeService.createProcessInstanceByKey("retried-job-test").processDefinitionTenantId("xining")
                .execute().getId();
        Job job = managementService.createJobQuery().processInstanceId(pi).singleResult();
        for (int attempt = 0; attempt < 10 && job.getRetries() > 0; attempt++) {
            String id = job.getId();
            assertThatThrownBy(() -> managementService.executeJob(id)).hasMessageContaining("retriedJobTestHasNoSuchBean");
            job = managementService.createJobQuery().jobId(id).singleResult();
        }
        assertThat(job.getRetries()).isZero();
        assertThat(job.getDuedate()).isAfter(new Date(ClockUtil.getCurrentTime().getTime() + 4 * 60_000));
        assertThat(runtimeService.createIncidentQuery()
                .configuration(job.getId()).count()).isEqualTo(1);
        return job.getId();
    }

    private void assertDueNow(String jobId) {
        Job job = managementService.createJobQuery().jobId(jobId).singleResult();
        assertThat(job.getRetries()).isEqualTo(1);
        assertThat(job.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
        assertThat(managementService.createJobQuery().jobId(jobId).executable().count()).as("executable now").isOne();
    }
}
