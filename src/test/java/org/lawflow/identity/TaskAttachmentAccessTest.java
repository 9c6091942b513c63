package org.lawflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Issue #27 item 10: attachments on a task (Tasklist's 附件, {@code /engine-rest/task/{id}/attachment/create} and
 * delete) only by those who may work the task — its assignee and candidates, or an administrator; anybody else 403
 * with a Chinese reason, and an anonymous multipart upload 401.
 */
@LawFlowSpringTest
class TaskAttachmentAccessTest {

    @Autowired TestRestTemplate rest;
    @Autowired TaskService taskService;

    ApiClient api() {
        return new ApiClient(rest);
    }

    /** The 立案审批 task of a new xining case: the agency head's (candidate group agency-head). */
    String approvalTask() {
        var created = api().post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String caseNo = created.json().get("caseNo").asText();
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
                .taskDefinitionKey("Task_ApproveCaseFiling").singleResult().getId();
    }

    ApiClient.Response attach(String user, String taskId) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, "demo");
        }
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.ALL));
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("attachment-name", "现场照片");
        form.add("attachment-description", "现场照片一张");
        form.add("attachment-type", "text/plain");
        form.add("content", new org.springframework.core.io.ByteArrayResource("现场照片".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "photo.txt";
            }
        });
        var response = rest.exchange("/engine-rest/task/" + taskId + "/attachment/create", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
        return new ApiClient.Response(response.getStatusCode().value(), response.getHeaders(), response.getBody());
    }

    @Test
    void onlyThoseWhoMayWorkTheTaskAttachFiles() {
        String task = approvalTask();
        var officer = attach("zhangwei", task);
        assertThat(officer.status()).as(officer.body()).isEqualTo(403);
        assertThat(officer.body()).contains("无权");
        assertThat(taskService.getTaskAttachments(task)).isEmpty();

        var candidate = attach("zhaomin", task);
        assertThat(candidate.status()).as(candidate.body()).isEqualTo(200);
        String attachmentId = candidate.json().get("id").asText();

        var officerDelete = api().exchange("zhangwei", HttpMethod.DELETE,
                "/engine-rest/task/" + task + "/attachment/" + attachmentId, null);
        assertThat(officerDelete.status()).as(officerDelete.body()).isEqualTo(403);
        assertThat(taskService.getTaskAttachments(task)).hasSize(1);

        var claimed = api().post("zhaomin", "/engine-rest/task/" + task + "/claim", Map.of("userId", "zhaomin"));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
        var assignee = attach("zhaomin", task);
        assertThat(assignee.status()).as(assignee.body()).isEqualTo(200);
        var headDelete = api().exchange("zhaomin", HttpMethod.DELETE,
                "/engine-rest/task/" + task + "/attachment/" + attachmentId, null);
        assertThat(headDelete.status()).as(headDelete.body()).isEqualTo(204);
    }

    @Test
    void anOtherAgencysOfficerAndAnonymousUploadsAreRefused() {
        String task = approvalTask();
        var anonymous = attach(null, task);
        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        var haidong = attach("zhoujie", task);
        assertThat(haidong.status()).as(haidong.body()).isEqualTo(404);
        assertThat(taskService.getTaskAttachments(task)).isEmpty();
    }
}
