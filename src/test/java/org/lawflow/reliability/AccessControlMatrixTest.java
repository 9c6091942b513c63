package org.lawflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.WebappSession;
import org.lawflow.documents.DocumentKind;
import org.lawflow.documents.Documents;
import org.lawflow.documents.PackageKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who may read what, asserted cell by cell: every role of xining, an officer of haidong, the administrator and an
 * anonymous caller × the case endpoints of /api, the engine REST queries Tasklist and Cockpit use, the metrics and
 * the calendar administration — for a xining case (with an ordinary document and filing package, and a discipline
 * clue with its letter and package) and a haidong case. Then the Camunda webapps' session cookie and CSRF header.
 * <p>
 * A cell's observed value is the HTTP status, and for lists (200) what they show: {@code N} the ordinary document
 * / flow, {@code C} the discipline clue (its document, transfer record, flow or task), {@code -} nothing.
 */
@LawFlowSpringTest
class AccessControlMatrixTest {

    static final List<String> USERS = List.of("zhangwei", "wangfang", "zhaomin", "chenjing", "sunli", "zhoujie", "admin",
            "anonymous");

    @Autowired TestRestTemplate rest;
    @Autowired Documents documents;
    @Autowired IdentityService identityService;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;
    @LocalServerPort int port;

    ApiClient api() {
        return new ApiClient(rest);
    }

    record Scene(String caseId, String caseNo, String notice, String clueLetter, String filingPackage,
            String cluePackage) {
    }

    Scene xining() {
        var created = api().post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        var clue = api().post("zhaomin", "/api/cases/" + id + "/transfers", Map.of("kind", "discipline",
                "personInvolved", "某某", "personPosition", "某运输管理所副所长", "cadreLevel", "CITY_MANAGED",
                "partyMember", true, "clueFacts", "收受当事人财物，为无证营运提供便利", "discoveredOn", ApiClient.todayInChina()));
        assertThat(clue.status()).as(clue.body()).isEqualTo(201);
        UUID caseId = UUID.fromString(id);
        var notice = documents.generate(caseId, DocumentKind.VIOLATION_NOTICE, Map.of("hearingRights", true), null, "matrix");
        var letter = documents.generate(caseId, DocumentKind.CLUE_TRANSFER_LETTER, Map.of("personInvolved", "某某"), null,
                "matrix");
        var filing = documents.buildPackage(caseId, PackageKind.FILING, List.of(DocumentKind.VIOLATION_NOTICE), null,
                "matrix");
        var cluePackage = documents.buildPackage(caseId, PackageKind.DISCIPLINE_TRANSFER,
                List.of(DocumentKind.CLUE_TRANSFER_LETTER), null, "matrix");
        return new Scene(id, created.json().get("caseNo").asText(), notice.id().toString(), letter.id().toString(),
                filing.id().toString(), cluePackage.id().toString());
    }

    Scene haidong() {
        var created = new org.lawflow.Flows(api(), engine).registeredHaidongCase(identityService);
        String id = created.get("id").asText();
        var notice = documents.generate(UUID.fromString(id), DocumentKind.VIOLATION_NOTICE, Map.of("hearingRights", true),
                null, "matrix");
        var filing = documents.buildPackage(UUID.fromString(id), PackageKind.FILING,
                List.of(DocumentKind.VIOLATION_NOTICE), null, "matrix");
        return new Scene(id, created.get("caseNo").asText(), notice.id().toString(), null,
                filing.id().toString(), null);
    }

    /** Columns: name → how to observe it. */
    Map<String, java.util.function.Function<String, String>> columns(Scene x, Scene h) {
        Map<String, java.util.function.Function<String, String>> c = new LinkedHashMap<>();
        for (Scene s : List.of(x, h)) {
            String a = s == x ? "X " : "H ";
            c.put(a + "case", u -> status(get(u, "/api/cases/" + s.caseId())));
            c.put(a + "case.transfers", u -> list(get(u, "/api/cases/" + s.caseId()), "/transfers", "kind"));
            c.put(a + "documents", u -> list(get(u, "/api/cases/" + s.caseId() + "/documents"), "", "kind"));
            c.put(a + "document", u -> status(get(u, "/api/documents/" + s.notice())));
            c.put(a + "package", u -> status(get(u, "/api/packages/" + s.filingPackage())));
            c.put(a + "transfers", u -> list(get(u, "/api/cases/" + s.caseId() + "/transfers"), "", "kind"));
            String key = s.caseNo(); // TestRestTemplate encodes the URL itself
            c.put(a + "engine instances", u -> list(get(u, "/engine-rest/process-instance?businessKey=" + key), "",
                    "definitionId"));
            c.put(a + "engine tasks", u -> list(get(u, "/engine-rest/task?processInstanceBusinessKey=" + key), "",
                    "processDefinitionId"));
            c.put(a + "engine history", u -> list(get(u, "/engine-rest/history/process-instance?processInstanceBusinessKey="
                    + key), "", "processDefinitionKey"));
            if (s == x) {
                c.put("X clue document", u -> status(get(u, "/api/documents/" + s.clueLetter())));
                c.put("X clue package", u -> status(get(u, "/api/packages/" + s.cluePackage())));
            }
        }
        c.put("prometheus", u -> status(get(u, "/actuator/prometheus")));
        // an empty body: a permitted caller gets 400 (nothing is stored), a refused one 401/403 before validation
        c.put("PUT calendar 2030", u -> status(api().exchange(user(u), HttpMethod.PUT, "/api/calendar/years/2030",
                Map.of())));
        return c;
    }

    // expected values, one row per user, columns in the order of columns(); N ordinary, C clue, - nothing
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();
    static {
        // X case | X case.transfers | X documents | X document | X package | X transfers | X engine inst | tasks | history
        // | X clue doc | X clue pkg | H case ... H history | prometheus | calendar
        EXPECTED.put("zhangwei", "200 | - | N | 200 | 200 | - | N | N | N | 403 | 403 || 404 | 404 | 404 | 404 | 404 | 404 | - | - | - || 403 | 403");
        EXPECTED.put("wangfang", "200 | - | N | 200 | 200 | - | N | N | N | 403 | 403 || 404 | 404 | 404 | 404 | 404 | 404 | - | - | - || 403 | 403");
        EXPECTED.put("zhaomin", "200 | C | NC | 200 | 200 | C | NC | NC | NC | 200 | 200 || 404 | 404 | 404 | 404 | 404 | 404 | - | - | - || 403 | 403");
        EXPECTED.put("chenjing", "200 | - | N | 200 | 200 | - | N | N | N | 403 | 403 || 404 | 404 | 404 | 404 | 404 | 404 | - | - | - || 403 | 403");
        EXPECTED.put("sunli", "200 | C | NC | 200 | 200 | C | NC | NC | NC | 200 | 200 || 404 | 404 | 404 | 404 | 404 | 404 | - | - | - || 200 | 403");
        EXPECTED.put("zhoujie", "404 | 404 | 404 | 404 | 404 | 404 | - | - | - | 404 | 404 || 200 | - | N | 200 | 200 | - | N | N | N || 403 | 403");
        // the administrator is outside the agencies: /api shows every agency (LawFlowUser.canSee) but no clue
        // material; the engine REST lists show every agency's flows to the operators (identity.OperatorAuthorizations),
        // never the clue's
        EXPECTED.put("admin", "200 | - | N | 200 | 200 | - | N | N | N | 403 | 403 || 200 | - | N | 200 | 200 | - | N | N | N || 200 | 400");
        EXPECTED.put("anonymous", "401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 || 401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 || 401 | 401");
    }

    @Test
    void everyRoleSeesOnlyWhatTheDesignAllows() {
        Scene x = xining();
        Scene h = haidong();
        var columns = columns(x, h);
        List<String> names = new ArrayList<>(columns.keySet());
        // the expected rows are written X columns, clue columns, H columns, metrics: reorder the names the same way
        List<String> ordered = new ArrayList<>();
        names.stream().filter(n -> n.startsWith("X ") && !n.startsWith("X clue")).forEach(ordered::add);
        names.stream().filter(n -> n.startsWith("X clue")).forEach(ordered::add);
        names.stream().filter(n -> n.startsWith("H ")).forEach(ordered::add);
        names.stream().filter(n -> !n.startsWith("X ") && !n.startsWith("H ")).forEach(ordered::add);

        List<String> mismatches = new ArrayList<>();
        StringBuilder table = new StringBuilder("user | " + String.join(" | ", ordered) + "\n");
        int cells = 0;
        for (String user : USERS) {
            String[] expected = EXPECTED.get(user).replace("||", "|").split("\\|");
            assertThat(expected).as("expected row of " + user).hasSize(ordered.size());
            table.append(user);
            for (int i = 0; i < ordered.size(); i++) {
                String actual = columns.get(ordered.get(i)).apply(user);
                String want = expected[i].trim();
                cells++;
                table.append(" | ").append(actual);
                if (!actual.equals(want)) {
                    mismatches.add(user + " × " + ordered.get(i) + ": expected " + want + ", got " + actual);
                    table.append("(!").append(want).append(")");
                }
            }
            table.append('\n');
        }
        System.out.println(table);
        System.out.println("AccessControlMatrixTest: " + cells + " cells checked, " + mismatches.size() + " mismatches");
        assertThat(mismatches).isEmpty();
        assertThat(cells).isEqualTo(USERS.size() * ordered.size());
    }

    @Test
    void webappSessionCookieIsHttpOnlyAndPostsNeedTheCsrfHeader() throws Exception {
        String query = base() + "/camunda/api/engine/engine/default/task/count";
        // a proper login: the session cookie is HttpOnly (Secure only with LAWFLOW_SECURE_COOKIES=true, behind HTTPS)
        var session = WebappSession.login(client, base(), "zhangwei");
        assertThat(session.cookie()).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite");
        assertThat(session.cookie()).doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
        var postWith = client.send(WebappSession.post(query, session.jar(), session.token(), "{}"), HttpResponse.BodyHandlers.ofString());
        assertThat(postWith.statusCode()).as(postWith.body()).isEqualTo(200);
        // a POST without the header or with a wrong one is refused (the session stays: WebappSessionTest)
        var postWithout = client.send(WebappSession.post(query, session.jar(), null, "{}"), HttpResponse.BodyHandlers.ofString());
        assertThat(postWithout.statusCode()).as("webapp POST without X-XSRF-TOKEN").isEqualTo(403);
        assertThat(postWithout.body()).doesNotContain("Exception");
        var other = WebappSession.login(client, base(), "zhangwei");
        var postWrong = client.send(WebappSession.post(query, other.jar(), "0123456789ABCDEF0123456789ABCDEF", "{}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(postWrong.statusCode()).as("webapp POST with a wrong token").isEqualTo(403);
        // even the login needs the token
        var page = client.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/tasklist/default/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        var loginWithout = client.send(WebappSession.loginForm(base(),
                WebappSession.cookies(page.headers().allValues("Set-Cookie"), new LinkedHashMap<>()), null,
                "username=zhangwei&password=demo"), HttpResponse.BodyHandlers.ofString());
        assertThat(loginWithout.statusCode()).as("login without the CSRF header").isEqualTo(403);
        System.out.println("AccessControlMatrixTest: session cookie " + session.cookie().replaceAll("=[^;]*;", "=…;")
                + "; webapp POST: right token 200, no token 403, wrong token 403; login without token 403");
    }

    static final List<String> CASE_FLOWS = List.of("case-filing-approval", "major-decision-review", "hearing-notice",
            "criminal-case-transfer", "discipline-clue-transfer");

    /**
     * Issue #27, item 2: zhoujie (haidong) starts every case flow on a filed xining case through the engine REST
     * ({@code start}, {@code submit-form}, with a trailing slash, which the variables filter did not recognise) and
     * Tasklist's API, naming the case by number and/or claiming {@code agencyId=xining}: each start is refused with a
     * 4xx that reads like the one for a case number that does not exist, and no instance starts in either agency.
     */
    @Test
    void anotherAgencysOfficerStartsNoFlowOnACase() throws Exception {
        var filed = new org.lawflow.Flows(api(), engine).filedCase("zhangwei", ApiClient.citizenCase("zhangwei", "liqiang"));
        String missingNo = filed.caseNo().replaceAll("〕\\d+号", "〕99999号");
        long before = engine.getRuntimeService().createProcessInstanceQuery().count();
        var session = WebappSession.login(client, base(), "zhoujie");
        List<String> refusals = new ArrayList<>();
        for (String key : CASE_FLOWS) {
            for (String path : List.of("/engine-rest/process-definition/key/" + key + "/start",
                    "/engine-rest/process-definition/key/" + key + "/submit-form",
                    "/engine-rest/process-definition/key/" + key + "/start/",
                    "/engine-rest/process-definition/key/" + key + "//submit-form/",
                    "/camunda/api/engine/engine/default/process-definition/key/" + key + "/submit-form")) {
                for (Map<String, Object> variables : List.<Map<String, Object>>of(Map.of("caseNo", filed.caseNo()),
                        Map.of("agencyId", "xining"), Map.of("caseNo", filed.caseNo(), "agencyId", "xining"),
                        Map.of("caseId", filed.id(), "agencyId", "xining"), Map.of())) {
                    var answer = startAs(session, path, variables);
                    String what = "zhoujie " + path + " " + variables + ": " + answer.status() + " " + answer.body();
                    assertThat(answer.status()).as(what).isBetween(400, 499);
                    if (variables.equals(Map.of("caseNo", filed.caseNo()))) {
                        var missing = startAs(session, path, Map.of("caseNo", missingNo));
                        assertThat(answer.status() + " " + answer.body().replace(filed.caseNo(), "{caseNo}"))
                                .as("another agency's case answers as a missing one: " + what)
                                .isEqualTo(missing.status() + " " + missing.body().replace(missingNo, "{caseNo}"));
                    }
                    refusals.add(answer.status() + "");
                }
            }
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).as("no instance started").isEqualTo(before);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().tenantIdIn("xining")
                .processInstanceBusinessKey(filed.caseNo()).count()).isZero();
        assertThat(api().get("zhangwei", "/api/cases/" + filed.id()).json().at("/case/status").asText()).isEqualTo("FILED");
        System.out.println("AccessControlMatrixTest: " + refusals.size() + " cross-agency starts refused: "
                + new TreeSet<>(refusals));
    }

    private ApiClient.Response startAs(WebappSession session, String path, Map<String, Object> variables) throws Exception {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        Map<String, Object> body = Map.of("variables", typed);
        if (!path.startsWith("/camunda/")) {
            return api().post("zhoujie", path, body);
        }
        var answer = client.send(WebappSession.post(base() + path, session.jar(), session.token(),
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body)), HttpResponse.BodyHandlers.ofString());
        return new ApiClient.Response(answer.statusCode(), null, answer.body());
    }

    /**
     * Issue #27, item 4: another agency's ids answer exactly as random ids (same status and body but for the id
     * itself), never a 500 — on /api and on the engine REST's task and process-instance endpoints.
     */
    @Test
    void anotherAgencysIdsAnswerLikeRandomIds() {
        Scene x = xining();
        var pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(x.caseNo())
                .tenantIdIn("xining").list().get(0).getId();
        var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(x.caseNo()).list().get(0).getId();
        Map<String, String> others = new LinkedHashMap<>();
        for (String p : List.of("/api/cases/%s", "/api/cases/%s/documents", "/api/cases/%s/transfers")) {
            others.put("GET " + p, x.caseId());
        }
        others.put("GET /api/documents/%s", x.notice());
        others.put("GET /api/packages/%s", x.filingPackage());
        for (String p : List.of("/api/cases/%s/review", "/api/cases/%s/hearing-requests", "/api/cases/%s/transfers")) {
            others.put("POST " + p, x.caseId());
        }
        for (String p : List.of("", "/form", "/variables", "/form-variables", "/identity-links", "/comment",
                "/deployed-form", "/rendered-form")) {
            others.put("GET /engine-rest/task/%s" + p, task);
        }
        for (String p : List.of("/complete", "/claim", "/submit-form", "/localVariables", "/variables", "/assignee",
                "/comment/create")) {
            others.put("POST /engine-rest/task/%s" + p, task);
        }
        for (String p : List.of("", "/variables", "/activity-instances", "/comment")) {
            others.put("GET /engine-rest/process-instance/%s" + p, pi);
        }
        others.put("POST /engine-rest/process-instance/%s/variables", pi);
        others.put("GET /engine-rest/history/process-instance/%s", pi);
        String random = UUID.randomUUID().toString();
        List<String> differences = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        others.forEach((call, other) -> {
            String method = call.substring(0, call.indexOf(' '));
            String path = call.substring(call.indexOf(' ') + 1);
            Object body = method.equals("GET") ? null : path.endsWith("/claim") || path.endsWith("/assignee")
                    ? Map.of("userId", "zhoujie") : path.contains("comment") ? Map.of("message", "x")
                    : path.endsWith("/transfers") ? Map.of("kind", "criminal") : Map.of();
            var a = api().exchange("zhoujie", HttpMethod.valueOf(method), path.formatted(other), body);
            var b = api().exchange("zhoujie", HttpMethod.valueOf(method), path.formatted(random), body);
            String answerA = a.status() + " " + String.valueOf(a.body()).replace(other, "{id}");
            String answerB = b.status() + " " + String.valueOf(b.body()).replace(random, "{id}");
            seen.append(call).append(" → ").append(a.status()).append('\n');
            if (!answerA.equals(answerB) || a.status() >= 500) {
                differences.add(call + ": another agency's id " + answerA + " | random id " + answerB);
            }
        });
        // message correlation by business key: another agency's case number answers as an unknown one
        for (String message : List.of("Msg_HearingRequested", "Message_PoliceFilingDecision")) {
            var a = api().post("zhoujie", "/engine-rest/message", Map.of("messageName", message, "businessKey", x.caseNo()));
            var b = api().post("zhoujie", "/engine-rest/message", Map.of("messageName", message, "businessKey", "宁交执罚〔2026〕99999号"));
            seen.append("POST /engine-rest/message ").append(message).append(" → ").append(a.status()).append('\n');
            if (a.status() != b.status() || !a.body().equals(b.body()) || a.status() >= 500) {
                differences.add("message " + message + ": " + a.status() + " " + a.body() + " | " + b.status() + " " + b.body());
            }
        }
        System.out.println("AccessControlMatrixTest: ids of another agency vs random ids\n" + seen);
        assertThat(differences).isEmpty();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).singleResult()
                .getTenantId()).isEqualTo("xining");
    }

    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    String base() {
        return "http://localhost:" + port;
    }

    // ---- helpers

    private static String user(String u) {
        return u.equals("anonymous") ? null : u;
    }

    private ApiClient.Response get(String u, String path) {
        return api().get(user(u), path);
    }

    private static String status(ApiClient.Response r) {
        assertThat(r.status()).as("never a server error: " + r.body()).isLessThan(500);
        return String.valueOf(r.status());
    }

    /** 200 → which of N (ordinary) and C (clue) the list shows, else the status. */
    private static String list(ApiClient.Response r, String pointer, String field) {
        if (r.status() != 200) {
            return status(r);
        }
        JsonNode items = r.json().at(pointer);
        var seen = new TreeSet<String>((a, b) -> a.equals(b) ? 0 : a.equals("N") ? -1 : 1);
        for (JsonNode item : items) {
            String value = item.path(field).asText("");
            seen.add(value.contains("discipline") || value.contains("CLUE") || value.equals("DISCIPLINE") ? "C" : "N");
        }
        return seen.isEmpty() ? "-" : String.join("", seen);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
