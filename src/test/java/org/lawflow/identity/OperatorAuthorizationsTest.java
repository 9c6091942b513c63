package org.lawflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The operators (camunda-admin, demo user admin) see every agency's definitions, instances and incidents with the
 * failed job's stack trace, through the engine REST API and Cockpit's own API, and retry the job; never a discipline
 * clue. A supervisor sees only the own agency and cannot change a variable.
 */
@LawFlowSpringTest
class OperatorAuthorizationsTest {

    static final String KEY = OperatorIncidents.KEY;

    @Autowired ApplicationContext context;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired AuthorizationService authorizationService;
    @Autowired OperatorAuthorizations operatorAuthorizations;
    @Autowired TestRestTemplate rest;
    @LocalServerPort int port;

    final Map<String, String> instances = new java.util.HashMap<>();

    @BeforeEach
    void incidentInEachAgency() {
        for (String agency : List.of("xining", "haidong")) {
            instances.put(agency, OperatorIncidents.incidentIn(context, agency));
        }
    }

    @Test
    void operatorSeesEveryAgencysIncidentWithItsStackTraceAndRetriesTheJob() {
        var api = new ApiClient(rest);
        assertThat(api.list("admin", "/engine-rest/process-definition")).extracting(d -> d.get("key").asText())
                .contains("case-filing-approval", "major-decision-review", "discipline-clue-transfer", KEY);
        assertThat(api.list("admin", "/engine-rest/deployment")).isNotEmpty();
        assertThat(tenants(api.list("admin", "/engine-rest/process-instance?processDefinitionKey=" + KEY)))
                .containsExactlyInAnyOrder("xining", "haidong");

        List<JsonNode> incidents = api.list("admin", "/engine-rest/incident?processDefinitionKeyIn=" + KEY);
        assertThat(tenants(incidents)).containsExactlyInAnyOrder("xining", "haidong");
        JsonNode haidong = incidents.stream()
                .filter(i -> i.get("processInstanceId").asText().equals(instances.get("haidong"))).findFirst().orElseThrow();
        String jobId = haidong.get("configuration").asText();
        var trace = api.get("admin", "/engine-rest/job/" + jobId + "/stacktrace");
        assertThat(trace.status()).isEqualTo(200);
        assertThat(trace.body()).contains(OperatorIncidents.FAILURE);

        var retry = api.exchange("admin", HttpMethod.PUT, "/engine-rest/job/" + jobId + "/retries", Map.of("retries", 1));
        assertThat(retry.status()).as(retry.body()).isEqualTo(204);
        assertThat(managementService.createJobQuery().jobId(jobId).singleResult().getRetries()).isEqualTo(1);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instances.get("haidong")).count())
                .as("the retried job's incident is resolved").isZero();

        // read, never write: no variable change, no cancellation, no suspension
        var variable = api.exchange("admin", HttpMethod.PUT, "/engine-rest/process-instance/" + instances.get("xining")
                + "/variables/partyName", Map.of("value", "改名", "type", "String"));
        assertThat(variable.status()).as(variable.body()).isEqualTo(403);
        var cancel = api.exchange("admin", HttpMethod.DELETE, "/engine-rest/process-instance/" + instances.get("xining"),
                null);
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(403);
        var suspend = api.exchange("admin", HttpMethod.PUT, "/engine-rest/process-instance/" + instances.get("xining")
                + "/suspended", Map.of("suspended", true));
        assertThat(suspend.status()).as(suspend.body()).isEqualTo(403);
    }

    @Test
    void cockpitsOwnApiShowsTheOperatorBothAgencies() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        var session = WebappSession.login(client, base, "admin", "cockpit");
        String cockpit = base + "/camunda/api/cockpit/plugin/base/default";

        JsonNode statistics = json(client.send(session.get(cockpit + "/process-definition/statistics"),
                HttpResponse.BodyHandlers.ofString()));
        List<JsonNode> definitions = new ArrayList<>();
        statistics.forEach(definitions::add);
        assertThat(definitions).extracting(d -> d.get("key").asText()).contains("case-filing-approval", KEY);

        String ids = String.join(",", repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).list()
                .stream().map(d -> d.getId()).toList());
        JsonNode incidents = json(client.send(session.get(cockpit + "/incident?processDefinitionIdIn=" + ids),
                HttpResponse.BodyHandlers.ofString()));
        List<String> instanceIds = new ArrayList<>();
        incidents.forEach(i -> instanceIds.add(i.get("processInstanceId").asText()));
        assertThat(instanceIds).contains(instances.get("xining"), instances.get("haidong"));
    }

    @Test
    void supervisorSeesOwnAgencyAndChangesNoVariable() {
        var api = new ApiClient(rest);
        assertThat(tenants(api.list("sunli", "/engine-rest/process-instance?processDefinitionKey=" + KEY)))
                .containsExactly("xining");
        assertThat(tenants(api.list("sunli", "/engine-rest/incident?processDefinitionKeyIn=" + KEY)))
                .containsExactly("xining");
        var change = api.exchange("sunli", HttpMethod.PUT, "/engine-rest/process-instance/" + instances.get("xining")
                + "/variables/partyName", Map.of("value", "改名", "type", "String"));
        assertThat(change.status()).as(change.body()).isEqualTo(403);
        var delete = api.exchange("sunli", HttpMethod.DELETE, "/engine-rest/process-instance/" + instances.get("xining")
                + "/variables/partyName", null);
        assertThat(delete.status()).as(delete.body()).isEqualTo(403);
        assertThat(runtimeService.getVariable(instances.get("xining"), "partyName")).isEqualTo("马建国");
    }

    @Test
    void disciplineCluesStayHiddenFromOperators() {
        assertThat(operatorAuthorizations.operatedProcesses()).contains("case-filing-approval", "monthly-statistics",
                "overdue-digest").doesNotContain(AccessPolicy.DISCIPLINE_TRANSFER);
        List<String> operators = List.of(Groups.ADMIN);
        assertThat(authorizationService.isUserAuthorized("admin", operators, Permissions.READ_INSTANCE,
                Resources.PROCESS_DEFINITION, AccessPolicy.DISCIPLINE_TRANSFER)).isFalse();
        assertThat(authorizationService.isUserAuthorized("admin", operators, Permissions.READ_INSTANCE,
                Resources.PROCESS_DEFINITION, AccessPolicy.MAJOR_DECISION_REVIEW)).isTrue();
        assertThat(authorizationService.isUserAuthorized("admin", operators, Permissions.UPDATE_INSTANCE,
                Resources.PROCESS_DEFINITION, AccessPolicy.MAJOR_DECISION_REVIEW)).isFalse();
    }

    @Test
    void everyStartAddsNothingTwice() {
        long before = authorizationService.createAuthorizationQuery().groupIdIn(Groups.ADMIN).count();
        operatorAuthorizations.ensureGrants();
        operatorAuthorizations.ensureGrants();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Groups.ADMIN).count()).isEqualTo(before);
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Groups.ADMIN)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(KEY).count()).isOne();
    }

    private static List<String> tenants(List<JsonNode> items) {
        return items.stream().map(i -> i.path("tenantId").asText()).distinct().toList();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }
}
