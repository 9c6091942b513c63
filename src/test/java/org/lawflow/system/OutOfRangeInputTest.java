package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/**
 * Issue #27 item 11: inputs that used to reach the database or a constructor unchecked and came back as 500 — a null
 * list entry, a year of ±999999999, texts longer than the engine's varchar(4000), and a direct {@code GET /error}.
 * Each now answers a 4xx problem naming the field (or, for {@code /error}, a neutral 404).
 */
@LawFlowSpringTest
class OutOfRangeInputTest {

    @Autowired TestRestTemplate rest;
    @Autowired TaskService taskService;

    ApiClient api() {
        return new ApiClient(rest);
    }

    static final String LONG = "长".repeat(4001);

    /** A xining case whose 立案 the head approved, so that transfers may start. */
    String filedCase() {
        var created = api().post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String task = taskService.createTaskQuery().processInstanceBusinessKey(created.json().get("caseNo").asText())
                .taskDefinitionKey("Task_ApproveCaseFiling").singleResult().getId();
        var done = api().post("zhaomin", "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
                "filingDecision", Map.of("value", "approve"), "filingOpinion", Map.of("value", "同意立案"))));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        return created.json().get("id").asText();
    }

    static Map<String, Object> clue() {
        return Map.of("kind", "discipline", "personInvolved", "某某", "personPosition", "某运输管理所副所长",
                "cadreLevel", "AGENCY_STAFF", "partyMember", true, "clueFacts", "收受当事人财物，为无证营运提供便利",
                "discoveredOn", ApiClient.todayInChina());
    }

    static void assertNamesField(ApiClient.Response r, String field) {
        assertThat(r.status()).as(r.body()).isBetween(400, 499);
        assertThat(r.headers().getContentType()).hasToString("application/problem+json");
        assertThat(r.body()).as(r.body()).contains(field);
    }

    @Test
    void nullEvidenceEntryNamesTheField() {
        Map<String, Object> body = ApiClient.citizenCase("liqiang");
        body.put("evidence", Arrays.asList((Object) null));
        assertNamesField(api().post("zhangwei", "/api/cases", body), "evidence");
    }

    static Stream<Arguments> extremeYears() {
        return Stream.of("-999999999-01-01", "+999999999-12-31", "999999999-12-31").map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("extremeYears")
    void extremeYearsInDatesNameTheField(String date) {
        for (String count : List.of("workdays=5", "days=30")) {
            var deadline = api().get("zhangwei", "/api/calendar/deadline?from=" + date + "&" + count);
            assertThat(deadline.status()).as(deadline.body()).isBetween(400, 499);
        }
        String caseId = filedCase();
        Map<String, Object> clue = new HashMap<>(clue());
        clue.put("discoveredOn", date);
        assertNamesField(api().post("zhaomin", "/api/cases/" + caseId + "/transfers", clue), "discoveredOn");
    }

    @Test
    void textsLongerThanTheEngineStoresNameTheField() {
        String caseId = filedCase();
        String path = "/api/cases/" + caseId + "/transfers";
        List<String> fields = new ArrayList<>(List.of("personInvolved", "personPosition", "clueFacts", "clueMaterials"));
        for (String field : fields) {
            Map<String, Object> clue = new HashMap<>(clue());
            clue.put(field, LONG);
            assertNamesField(api().post("zhaomin", path, clue), field);
        }
        for (String field : List.of("transferReason", "suspectedCrime")) {
            Map<String, Object> criminal = new HashMap<>(Map.of("kind", "criminal", "transferReason", "无证营运",
                    "suspectedCrime", "非法经营罪"));
            criminal.put(field, LONG);
            assertNamesField(api().post("zhangwei", path, criminal), field);
        }
    }

    @Test
    void aTaskFormTextLongerThanTheEngineStoresNamesTheVariable() {
        var created = api().post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        String task = taskService.createTaskQuery().processInstanceBusinessKey(created.json().get("caseNo").asText())
                .taskDefinitionKey("Task_ApproveCaseFiling").singleResult().getId();
        var done = api().post("zhaomin", "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
                "filingDecision", Map.of("value", "approve"), "filingOpinion", Map.of("value", LONG))));
        assertThat(done.status()).as(done.body()).isEqualTo(400);
        assertThat(done.body()).contains("filingOpinion").contains("4000");
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task is still open").isEqualTo(1);
    }

    @Test
    void errorPathAskedDirectlyIsNoServerError() {
        for (String user : new String[] {null, "zhangwei"}) {
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
                var r = api().exchange(user, method, "/error", null);
                assertThat(r.status()).as(user + " " + method + ": " + r.body()).isLessThan(500);
            }
        }
    }
}
