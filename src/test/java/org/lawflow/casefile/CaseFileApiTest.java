package org.lawflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

@LawFlowSpringTest
class CaseFileApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;

    ApiClient api() {
        return new ApiClient(rest);
    }

    @Test
    void officerRegistersCaseAndHeadApprovesFilingInTheSmallProcess() {
        var created = api().post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String caseNo = created.json().get("caseNo").asText();
        assertThat(caseNo).matches("宁交执罚〔\\d{4}〕\\d+号");

        var details = api().get("zhangwei", "/api/cases/" + id).json();
        assertThat(details.at("/case/party/name").asText()).isEqualTo("马建国");
        assertThat(details.at("/case/officers").toString()).contains("zhangwei", "liqiang");
        assertThat(details.at("/flows/0/processKey").asText()).isEqualTo("case-filing-approval");
        assertThat(details.at("/tasks/0/name").asText()).isEqualTo("审批立案");

        // the head completes the Tasklist task (as the engine REST / Tasklist would, authenticated)
        var task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(task.getTenantId()).isEqualTo("xining");
        identityService.setAuthentication("zhaomin", List.of("agency-head"), List.of("xining"));
        try {
            taskService.complete(task.getId(), Map.of("filingDecision", "approve", "filingOpinion", "事实清楚，同意立案"));
        } finally {
            identityService.clearAuthentication();
        }
        var after = api().get("zhangwei", "/api/cases/" + id).json();
        assertThat(after.at("/case/status").asText()).isEqualTo("FILED");
        assertThat(after.at("/events").toString()).contains("zhaomin", "审批立案", "事实清楚，同意立案");
    }

    @Test
    void officerOfAnotherAgencyCannotReadTheCaseNorItsTasks() {
        var created = api().post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        String id = created.json().get("id").asText();
        String caseNo = created.json().get("caseNo").asText();

        assertThat(api().get("zhoujie", "/api/cases/" + id).status()).isEqualTo(404);
        var engineTasks = api().get("zhoujie", "/engine-rest/task?processInstanceBusinessKey=" + caseNo);
        assertThat(engineTasks.status()).isEqualTo(200);
        assertThat(engineTasks.json()).isEmpty();
        var headTasks = api().get("zhaomin", "/engine-rest/task?processInstanceBusinessKey=" + caseNo);
        assertThat(headTasks.json()).hasSize(1);
        var instances = api().get("zhoujie", "/engine-rest/process-instance?businessKey=" + caseNo);
        assertThat(instances.json()).isEmpty();
    }

    @Test
    void engineRestAndApiRequireAuthentication() {
        assertThat(api().get(null, "/engine-rest/task").status()).isEqualTo(401);
        var api = api().get(null, "/api/cases");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.headers().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void invalidIdentityNumbersAreRejectedNamingTheFieldAndNothingIsStored() {
        long before = jdbc.sql("select count(*) from enforcement_case").query(Long.class).single();
        Map<String, Object> body = ApiClient.citizenCase("liqiang");
        body.put("party", Map.of("type", "CITIZEN", "name", "马建国", "idNumber", "630102198506123018"));
        var badCitizen = api().post("zhangwei", "/api/cases", body);
        assertThat(badCitizen.status()).isEqualTo(400);
        assertThat(badCitizen.json().get("field").asText()).isEqualTo("party.idNumber");
        assertThat(badCitizen.json().get("detail").asText()).contains("校验码");

        body.put("party", Map.of("type", "ORGANIZATION", "name", "西宁某运输有限公司", "idNumber", "91630100710485330E",
                "legalRepresentative", "王某"));
        var badCompany = api().post("zhangwei", "/api/cases", body);
        assertThat(badCompany.status()).isEqualTo(400);
        assertThat(badCompany.json().get("field").asText()).isEqualTo("party.idNumber");

        body.put("party", Map.of("type", "ORGANIZATION", "name", "西宁某运输有限公司", "idNumber", "91630100710485330F",
                "legalRepresentative", "王某"));
        body.put("officers", List.of("zhoujie"));
        var foreignOfficer = api().post("zhangwei", "/api/cases", body);
        assertThat(foreignOfficer.status()).isEqualTo(400);
        assertThat(foreignOfficer.json().get("field").asText()).startsWith("officers");

        long after = jdbc.sql("select count(*) from enforcement_case").query(Long.class).single();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void validationErrorsNameTheField() {
        Map<String, Object> body = ApiClient.citizenCase("liqiang");
        body.remove("facts");
        var missing = api().post("zhangwei", "/api/cases", body);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("facts");

        body = ApiClient.citizenCase("liqiang");
        body.put("proposedDecision", Map.of("penalties", List.of(Map.of("kind", "FINE", "amount", -5))));
        var negative = api().post("zhangwei", "/api/cases", body);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("field").asText()).isEqualTo("proposedDecision.penalties[0].amount");

        var wrongType = api().post("zhangwei", "/api/cases", "{\"cause\": 5, \"party\": \"x\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("field").asText()).isEqualTo("party");
    }
}
