package org.lawflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.system.ConflictException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * /api/cases/{id}/transfers on the real application and database: validation with field names, the pending
 * transfer guard (不得以罚代刑), refusal back to administrative handling, and the restricted discipline clues.
 * Steps that need the document and mail delegates are in {@link TransferMailFlowTest}.
 */
@LawFlowSpringTest
class TransferApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired TaskService taskService;
    @Autowired CriminalTransfers criminalTransfers;

    ApiClient api() {
        return new ApiClient(rest);
    }

    static Map<String, Object> criminal(Object team) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "criminal", "transferReason", "无证营运，非法经营额逾25万元",
                "suspectedCrime", "非法经营罪"));
        if (team != null) {
            body.put("transferTeam", team);
        }
        return body;
    }

    static Map<String, Object> clue(String cadreLevel) {
        return Map.of("kind", "discipline", "personInvolved", "某某", "personPosition", "某运输管理所副所长",
                "cadreLevel", cadreLevel, "partyMember", true, "clueFacts", "收受当事人财物，为无证营运提供便利",
                "discoveredOn", ApiClient.todayInChina());
    }

    /** A case whose 立案 zhaomin approved: a criminal transfer starts only then. */
    String newCase() {
        var created = api().post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        completeTask("zhaomin", id, "Task_ApproveCaseFiling", Map.of("filingDecision", "approve", "filingOpinion", "同意立案"));
        return id;
    }

    /** Completes the case's open task with this key through the engine REST API, as Tasklist does. */
    void completeTask(String user, String caseId, String taskKey, Map<String, Object> variables) {
        var details = api().get(user, "/api/cases/" + caseId).json();
        String taskId = null;
        for (JsonNode t : details.get("tasks")) {
            if (t.get("taskKey").asText().equals(taskKey)) {
                taskId = t.get("id").asText();
            }
        }
        assertThat(taskId).as("open task " + taskKey + " in " + details.get("tasks")).isNotNull();
        Map<String, Object> vars = new HashMap<>();
        variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        var done = api().post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", vars));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
    }

    /** 指定专案组 offers the agency's officers to pick (issue #28: no user ids typed); the picked list is checked. */
    @Test
    void theTeamIsPickedFromTheAgencysOfficers() {
        String caseId = newCase();
        String caseNo = api().get("zhangwei", "/api/cases/" + caseId).json().at("/case/caseNo").asText();
        var started = api().post("zhangwei", "/engine-rest/process-definition/key/criminal-case-transfer/submit-form",
                Map.of("businessKey", caseNo, "variables", Map.of("caseNo", Map.of("value", caseNo),
                        "transferReason", Map.of("value", "无证营运，非法经营额逾25万元"), "suspectedCrime", Map.of("value", "非法经营罪"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        var task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("Task_FormTeam")
                .singleResult();
        assertThat(String.valueOf(taskService.getVariableLocal(task.getId(), "officerOptions")))
                .contains("{\"label\":\"张伟（执法人员）\",\"value\":\"zhangwei\"}", "\"value\":\"liqiang\"")
                .doesNotContain("wangfang", "zhaomin", "zhoujie");
        var wrong = api().post("zhangwei", "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", Map.of(
                "transferTeam", Map.of("value", "[\"zhangwei\",\"wangfang\"]", "type", "Json"),
                "suspectedCrime", Map.of("value", "非法经营罪"))));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("transferTeam[1]", "不是本机构的执法人员");
        var done = api().post("zhangwei", "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", Map.of(
                "transferTeam", Map.of("value", "[\"zhangwei\",\"liqiang\"]", "type", "Json"),
                "suspectedCrime", Map.of("value", "非法经营罪"))));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        var report = taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
                .taskDefinitionKey("Task_WriteTransferReport").singleResult();
        assertThat(taskService.getVariable(report.getId(), "transferTeam")).isEqualTo("zhangwei,liqiang");
    }

    /**
     * The start form's 专案组 is a taglist: Tasklist submits the picked officers as a Json list, which the start
     * checks like the team task's (a wrong member is refused by name) and registers as the team.
     */
    @Test
    void theStartFormsPickedTeamIsTakenAsAJsonList() {
        String caseId = newCase();
        String caseNo = api().get("zhangwei", "/api/cases/" + caseId).json().at("/case/caseNo").asText();
        String path = "/engine-rest/process-definition/key/criminal-case-transfer/submit-form";
        var wrong = api().post("zhangwei", path, Map.of("variables", startForm(caseNo, "[\"zhangwei\",\"zhoujie\"]")));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("transferTeam[1]", "不是本机构的执法人员");
        var started = api().post("zhangwei", path, Map.of("variables", startForm(caseNo, "[\"zhangwei\",\"liqiang\"]")));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        JsonNode transfers = api().get("zhangwei", "/api/cases/" + caseId + "/transfers").json();
        assertThat(transfers).hasSize(1);
        assertThat(transfers.get(0).get("team").asText()).isEqualTo("zhangwei,liqiang");
        var task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(taskService.getVariable(task.getId(), "transferTeam")).isEqualTo("zhangwei,liqiang");
    }

    private static Map<String, Object> startForm(String caseNo, String teamJson) {
        return Map.of("caseNo", Map.of("value", caseNo), "transferReason", Map.of("value", "无证营运，非法经营额逾25万元"),
                "suspectedCrime", Map.of("value", "非法经营罪"), "transferTeam", Map.of("value", teamJson, "type", "Json"));
    }

    @Test
    void badInputNamesTheField() {
        String caseId = newCase();
        String path = "/api/cases/" + caseId + "/transfers";
        var unknownKind = api().post("zhangwei", path, Map.of("kind", "tax"));
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("field").asText()).isEqualTo("kind");
        var oneOfficer = api().post("zhangwei", path, criminal(List.of("zhangwei")));
        assertThat(oneOfficer.status()).isEqualTo(400);
        assertThat(oneOfficer.json().get("field").asText()).isEqualTo("transferTeam");
        assertThat(oneOfficer.json().get("detail").asText()).contains("国务院令第310号第五条");
        var otherAgency = api().post("zhangwei", path, criminal(List.of("zhangwei", "zhoujie")));
        assertThat(otherAgency.json().get("field").asText()).isEqualTo("transferTeam[1]");
        var noReason = api().post("zhangwei", path, Map.of("kind", "criminal", "transferTeam", List.of("zhangwei", "liqiang")));
        assertThat(noReason.json().get("field").asText()).isEqualTo("transferReason");
        var badClue = api().post("zhaomin", path, Map.of("kind", "discipline", "personInvolved", "某某",
                "personPosition", "副所长", "cadreLevel", "KING", "clueFacts", "事实", "discoveredOn", ApiClient.todayInChina()));
        assertThat(badClue.json().get("field").asText()).isEqualTo("cadreLevel");
        assertThat(api().post("zhoujie", path, criminal(List.of("zhangwei", "liqiang"))).status()).isEqualTo(404);
        assertThat(api().get("zhangwei", path).json()).isEmpty();
    }

    @Test
    void pendingCriminalTransferBlocksFinesUntilTheHeadRefuses() {
        String caseId = newCase();
        UUID id = UUID.fromString(caseId);
        assertThat(criminalTransfers.isPendingForCase(id)).isFalse();
        var started = api().post("zhangwei", "/api/cases/" + caseId + "/transfers", criminal(List.of("zhangwei", "liqiang")));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String transferId = started.json().get("id").asText();
        assertThat(started.json().get("status").asText()).isEqualTo("REGISTERED");
        assertThat(started.json().get("team").asText()).isEqualTo("zhangwei,liqiang");

        assertThat(criminalTransfers.isPendingForCase(id)).isTrue();
        assertThatThrownBy(() -> criminalTransfers.requireNoPendingTransfer(id)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("不得以罚代刑");
        var again = api().post("zhangwei", "/api/cases/" + caseId + "/transfers", criminal(List.of("zhangwei", "liqiang")));
        assertThat(again.status()).isEqualTo(409);

        var notWaiting = api().post("zhangwei", "/api/cases/" + caseId + "/transfers/" + transferId + "/police-answers",
                Map.of("type", "FILING_DECISION", "decision", "FILED", "noticeOn", "2026-11-03"));
        assertThat(notWaiting.status()).as(notWaiting.body()).isEqualTo(409);
        var badType = api().post("zhangwei", "/api/cases/" + caseId + "/transfers/" + transferId + "/police-answers",
                Map.of("type", "PHONE_CALL"));
        assertThat(badType.json().get("field").asText()).isEqualTo("type");

        completeTask("zhangwei", caseId, "Task_WriteTransferReport", Map.of("suspectedCrime", "非法经营罪",
                "transferReport", "调查报告正文"));
        completeTask("zhaomin", caseId, "Task_HeadApproval", Map.of("headApproval", "REFUSE",
                "headOpinion", "经营额证据不足，未达追诉标准"));

        assertThat(criminalTransfers.isPendingForCase(id)).isFalse();
        var details = api().get("zhangwei", "/api/cases/" + caseId).json();
        assertThat(details.at("/transfers/0/status").asText()).isEqualTo("REFUSED");
        assertThat(details.at("/transfers/0/headOpinion").asText()).contains("未达追诉标准");
        assertThat(details.at("/transfers/0/decidedBy").asText()).isEqualTo("zhaomin");
        assertThat(details.get("events").toString()).contains("负责人不批准移送", "未达追诉标准");
    }

    /**
     * 国务院令第310号第五条: only the 正职负责人 (group principal-head, zhaomin) decides. The deputy qianlei
     * (agency-head only) sees the task but may not work it; assigned to him anyway, the decision is refused.
     */
    @Test
    void onlyThePrincipalHeadApprovesACriminalTransfer() {
        String caseId = newCase();
        var started = api().post("zhangwei", "/api/cases/" + caseId + "/transfers", criminal(List.of("zhangwei", "liqiang")));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        completeTask("zhangwei", caseId, "Task_WriteTransferReport", Map.of("suspectedCrime", "非法经营罪",
                "transferReport", "调查报告正文"));
        String taskId = taskService.createTaskQuery().processInstanceId(started.json().get("processInstanceId").asText())
                .taskDefinitionKey("Task_HeadApproval").singleResult().getId();
        Map<String, Object> approve = Map.of("variables", Map.of("headApproval", Map.of("value", "APPROVE"),
                "headOpinion", Map.of("value", "同意移送")));

        var byDeputy = api().post("qianlei", "/engine-rest/task/" + taskId + "/complete", approve);
        assertThat(byDeputy.status()).as(byDeputy.body()).isEqualTo(403);
        taskService.setAssignee(taskId, "qianlei"); // e.g. delegated by mistake: the assignee may work the task
        var assignedDeputy = api().post("qianlei", "/engine-rest/task/" + taskId + "/complete", approve);
        assertThat(assignedDeputy.status()).as(assignedDeputy.body()).isEqualTo(400);
        assertThat(assignedDeputy.body()).contains("正职负责人或者主持工作的负责人");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        taskService.setAssignee(taskId, "zhaomin");
        var byPrincipal = api().post("zhaomin", "/engine-rest/task/" + taskId + "/complete", approve);
        assertThat(byPrincipal.status()).as(byPrincipal.body()).isEqualTo(204);
        var details = api().get("zhangwei", "/api/cases/" + caseId).json();
        assertThat(details.at("/transfers/0/decidedBy").asText()).isEqualTo("zhaomin");
    }

    @Test
    void disciplineCluesAreOnlyForTheHeadAndSupervisor() {
        String caseId = newCase();
        String path = "/api/cases/" + caseId + "/transfers";
        var byOfficer = api().post("zhangwei", path, clue("CITY_MANAGED"));
        assertThat(byOfficer.status()).isEqualTo(403);
        var byHead = api().post("zhaomin", path, clue("CITY_MANAGED"));
        assertThat(byHead.status()).as(byHead.body()).isEqualTo(201);
        String caseNo = api().get("zhaomin", "/api/cases/" + caseId).json().at("/case/caseNo").asText();

        assertThat(api().get("zhangwei", path).json()).isEmpty();
        assertThat(api().get("zhangwei", path + "/" + byHead.json().get("id").asText()).status()).isEqualTo(404);
        assertThat(api().get("zhangwei", "/api/cases/" + caseId).json().get("transfers")).isEmpty();
        var headView = api().get("zhaomin", path).json();
        assertThat(headView).hasSize(1);
        assertThat(headView.at("/0/clue/receivingBody").asText()).isEqualTo("COMMISSION");
        assertThat(headView.at("/0/clue/receivingBodyName").asText()).contains("纪律检查委员会");
        assertThat(api().get("sunli", path).json()).hasSize(1);

        String instances = "/engine-rest/process-instance?processDefinitionKey=discipline-clue-transfer&businessKey=" + caseNo;
        String tasks = "/engine-rest/task?processDefinitionKey=discipline-clue-transfer&processInstanceBusinessKey=" + caseNo;
        String history = "/engine-rest/history/process-instance?processDefinitionKey=discipline-clue-transfer&processInstanceBusinessKey=" + caseNo;
        for (String query : List.of(instances, tasks, history)) {
            assertThat(api().get("zhangwei", query).json()).as("officer " + query).isEmpty();
            assertThat(api().get("liqiang", query).json()).as("officer " + query).isEmpty();
            assertThat(api().get("wangfang", query).json()).as("reviewer " + query).isEmpty();
            assertThat(api().get("zhaomin", query).json()).as("head " + query).hasSize(1);
            assertThat(api().get("sunli", query).json()).as("supervisor " + query).hasSize(1);
        }
        var officerCase = api().get("zhangwei", "/api/cases/" + caseId).json();
        assertThat(officerCase.toString()).doesNotContain("discipline-clue-transfer", "某运输管理所副所长");
    }

    @Test
    void tasklistStartFormFindsTheCaseByNumberAndRecordsTheTransfer() {
        String caseId = newCase();
        String caseNo = api().get("zhangwei", "/api/cases/" + caseId).json().at("/case/caseNo").asText();
        Map<String, Object> vars = new HashMap<>();
        Map.of("caseNo", caseNo, "transferReason", "涉嫌非法经营罪", "transferTeam", "zhangwei, liqiang")
                .forEach((k, v) -> vars.put(k, Map.of("value", v)));
        var started = api().post("zhangwei", "/engine-rest/process-definition/key/criminal-case-transfer/start",
                Map.of("variables", vars));
        assertThat(started.status()).as(started.body()).isEqualTo(200);

        var transfers = api().get("zhangwei", "/api/cases/" + caseId + "/transfers").json();
        assertThat(transfers).hasSize(1);
        assertThat(transfers.at("/0/team").asText()).isEqualTo("zhangwei,liqiang");
        assertThat(transfers.at("/0/startedBy").asText()).isEqualTo("zhangwei");
        assertThat(criminalTransfers.isPendingForCase(UUID.fromString(caseId))).isTrue();
        var details = api().get("zhangwei", "/api/cases/" + caseId).json();
        assertThat(details.get("tasks").toString()).contains("Task_WriteTransferReport");
        assertThat(details.get("events").toString()).contains("启动涉嫌犯罪案件移送");
    }
}
