package org.lawflow.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Cockpit shows a supervisor comes from the engine REST API with the same authorizations: sunli (xining)
 * sees xining's instances, history, tasks and incidents with the case numbers as business keys, never haidong's;
 * a haidong user sees nothing of xining.
 */
@LawFlowSpringTest
class SupervisorCockpitVisibilityTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;

    @Test
    void supervisorsSeeOnlyTheirOwnAgency() {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        // xining: one finished filing approval (history) and one running one (runtime)
        var filed = flows.filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        var running = api.post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(running.status()).isEqualTo(201);
        String runningCaseNo = running.json().get("caseNo").asText();
        // haidong: a running instance of the shared definition, tenant haidong (flows start only on a case)
        String haidongKey = flows.registeredHaidongCase(identityService).get("caseNo").asText();
        var haidong = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(haidongKey)
                .singleResult();
        assertThat(haidong.getTenantId()).isEqualTo("haidong");

        // runtime
        var instances = list(api, "sunli", "/engine-rest/process-instance?processDefinitionKey=case-filing-approval");
        assertThat(tenants(instances)).containsOnly("xining");
        assertThat(ids(instances, "businessKey")).contains(runningCaseNo).doesNotContain(haidongKey);
        assertThat(list(api, "sunli", "/engine-rest/process-instance?businessKey=" + enc(haidongKey))).isEmpty();
        assertThat(list(api, "sunli", "/engine-rest/task?processInstanceBusinessKey=" + enc(runningCaseNo))).hasSize(1);
        assertThat(list(api, "sunli", "/engine-rest/task?processInstanceBusinessKey=" + enc(haidongKey))).isEmpty();
        assertThat(tenants(list(api, "sunli", "/engine-rest/incident"))).doesNotContain("haidong");

        // history
        var history = list(api, "sunli", "/engine-rest/history/process-instance?processDefinitionKey=case-filing-approval");
        assertThat(tenants(history)).containsOnly("xining");
        assertThat(ids(history, "businessKey")).contains(filed.caseNo(), runningCaseNo).doesNotContain(haidongKey);
        assertThat(tenants(list(api, "sunli", "/engine-rest/history/task?processDefinitionKey=case-filing-approval")))
                .containsOnly("xining");
        assertThat(tenants(list(api, "sunli", "/engine-rest/history/activity-instance?processInstanceId="
                + haidong.getId()))).isEmpty();
        assertThat(count(api, "sunli", "/engine-rest/history/process-instance/count?processInstanceBusinessKey="
                + enc(filed.caseNo()))).isEqualTo(1);

        // the other agency sees none of xining
        assertThat(list(api, "zhoujie", "/engine-rest/process-instance?businessKey=" + enc(runningCaseNo))).isEmpty();
        assertThat(list(api, "zhoujie", "/engine-rest/history/process-instance?processInstanceBusinessKey="
                + enc(filed.caseNo()))).isEmpty();
        assertThat(tenants(list(api, "zhoujie", "/engine-rest/history/process-instance"))).doesNotContain("xining");
        assertThat(tenants(list(api, "zhoujie", "/engine-rest/history/task"))).doesNotContain("xining");
        assertThat(tenants(list(api, "zhoujie", "/engine-rest/task"))).doesNotContain("xining");

        engine.getRuntimeService().deleteProcessInstance(haidong.getId(), "test");
    }

    private static List<JsonNode> list(ApiClient api, String user, String path) {
        return api.list(user, path);
    }

    private static long count(ApiClient api, String user, String path) {
        var response = api.get(user, path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.json().get("count").asLong();
    }

    private static List<String> tenants(List<JsonNode> items) {
        return ids(items, "tenantId");
    }

    private static List<String> ids(List<JsonNode> items, String field) {
        return items.stream().map(i -> i.path(field).isNull() ? null : i.path(field).asText()).distinct().toList();
    }

    /** TestRestTemplate encodes the query itself (as a URI template); encoding here would double it. */
    private static String enc(String value) {
        return value;
    }
}
