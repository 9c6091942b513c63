package org.lawflow.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.lawflow.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Pickers on Tasklist start forms: the deployed start form, as Tasklist fetches it, carries the options for the
 * logged-in user (the agency's officers for the 专案组, the cases the user may start the flow on for the 案号) in
 * place of their {@code valuesKey}; nothing for another agency's user, Camunda's own answer without a login.
 */
@LawFlowSpringTest
class StartFormOptionsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private String startFormPath(String processKey) {
        String id = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult().getId();
        return "http://localhost:" + port + "/camunda/api/engine/engine/default/process-definition/" + id
                + "/deployed-start-form";
    }

    private JsonNode startForm(String user, String processKey) throws Exception {
        var session = WebappSession.login(http, "http://localhost:" + port, user);
        var answer = http.send(session.get(startFormPath(processKey)), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private static JsonNode field(JsonNode form, String key) {
        for (JsonNode c : form.get("components")) {
            if (key.equals(c.path("key").asText())) {
                return c;
            }
        }
        throw new AssertionError("no field " + key + " in " + form);
    }

    private static List<String> values(JsonNode field) {
        List<String> values = new ArrayList<>();
        field.path("values").forEach(v -> values.add(v.get("value").asText()));
        return values;
    }

    private static String label(JsonNode field, String value) {
        for (JsonNode v : field.path("values")) {
            if (v.get("value").asText().equals(value)) {
                return v.get("label").asText();
            }
        }
        throw new AssertionError("no option " + value + " in " + field);
    }

    @Test
    void theCriminalTransfersStartFormOffersTheAgencysOfficersAndTheCasesOfTheUser() throws Exception {
        var api = new ApiClient(rest);
        var filed = new Flows(api, engine).filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        // registered, its 立案 not yet approved: no transfer, no review on it (立案 first) — but a clue may name it
        String unfiled = api.post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang")).json().get("caseNo").asText();

        JsonNode form = startForm("zhangwei", "criminal-case-transfer");
        JsonNode team = field(form, "transferTeam");
        assertThat(team.get("type").asText()).isEqualTo("taglist");
        assertThat(team.has("valuesKey")).isFalse();
        assertThat(values(team)).contains("zhangwei", "liqiang").doesNotContain("zhoujie", "wangfang", "zhaomin");
        assertThat(label(team, "liqiang")).isEqualTo("李强（执法人员）");
        JsonNode caseNo = field(form, "caseNo");
        assertThat(caseNo.has("valuesKey")).isFalse();
        assertThat(values(caseNo)).contains(filed.caseNo()).doesNotContain(unfiled);
        assertThat(label(caseNo, filed.caseNo()))
                .isEqualTo(filed.caseNo() + "　未取得道路运输经营许可擅自从事道路旅客运输经营（马建国）");
        assertThat(values(field(startForm("zhangwei", "major-decision-review"), "caseNo"))).contains(filed.caseNo())
                .doesNotContain(unfiled);
        assertThat(values(field(startForm("liqiang", "hearing-notice"), "caseNo"))).contains(filed.caseNo());

        // zhoujie (haidong): none of xining's cases or officers
        JsonNode haidong = startForm("zhoujie", "criminal-case-transfer");
        assertThat(values(field(haidong, "caseNo"))).doesNotContain(filed.caseNo(), unfiled)
                .allSatisfy(no -> assertThat(no).doesNotStartWith("宁"));
        assertThat(values(field(haidong, "transferTeam"))).contains("zhoujie").doesNotContain("zhangwei", "liqiang");

        // the clue waits for no 立案; the supervisor sees the party's name masked, the head in full
        JsonNode clueForHead = field(startForm("zhaomin", "discipline-clue-transfer"), "caseNo");
        assertThat(values(clueForHead)).contains(filed.caseNo(), unfiled);
        assertThat(label(clueForHead, filed.caseNo())).contains("马建国");
        JsonNode clueForSupervisor = field(startForm("sunli", "discipline-clue-transfer"), "caseNo");
        assertThat(label(clueForSupervisor, filed.caseNo())).contains("（马").doesNotContain("马建国");
    }

    @Test
    void withoutALoginTheAnswerIsCamundas() throws Exception {
        var answer = http.send(HttpRequest.newBuilder(URI.create(startFormPath("criminal-case-transfer"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isIn(401, 403);
        assertThat(answer.body()).doesNotContain("officerOptions", "李强", "values");
    }
}
