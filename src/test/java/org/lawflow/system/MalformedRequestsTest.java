package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A table of malformed requests across {@code /api}, as an attacker or a careless client sends them: each gets a
 * 4xx problem detail that names the problem (the field where there is one), never a 500, and leaves no rows.
 */
@LawFlowSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INJECTION = "'; drop table enforcement_case; --";

    record Bad(String name, HttpMethod method, String path, String contentType, String body, int status,
            String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;
    Map<String, Long> rowsBefore;
    static int tried;

    @BeforeAll
    void countRows() {
        rowsBefore = rowCounts();
    }

    @AfterAll
    void nothingWasStored() {
        assertThat(rowCounts()).as("no partial rows after " + tried + " malformed requests").isEqualTo(rowsBefore);
        assertThat(tried).isGreaterThanOrEqualTo(100);
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("enforcement_case", "case_event", "case_number_sequence", "publication")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.put("ACT_RU_EXECUTION", jdbc.sql("select count(*) from ACT_RU_EXECUTION").query(Long.class).single());
        return counts;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void isRejectedWithAProblemDetail(Bad bad) throws Exception {
        tried++;
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("zhangwei", "demo");
        if (bad.contentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, bad.contentType());
        }
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        var response = rest.exchange(bad.path(), bad.method(),
                new HttpEntity<>(bad.body() == null ? null : bad.body().getBytes(StandardCharsets.UTF_8), headers),
                String.class);
        int status = response.getStatusCode().value();
        assertThat(status).as(bad.name() + ": " + response.getBody()).isEqualTo(bad.status());
        assertThat(String.valueOf(response.getHeaders().getContentType())).as(bad.name())
                .contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.path("detail").asText()).as(bad.name()).isNotBlank();
        if (bad.field() != null) {
            assertThat(problem.path("field").asText()).as(bad.name() + ": " + response.getBody())
                    .isEqualTo(bad.field());
        }
    }

    static Stream<Bad> table() {
        List<Bad> table = new ArrayList<>();
        // --- POST /api/cases: one field wrong at a time
        Map<String, Consumer<Map<String, Object>>> registration = new java.util.LinkedHashMap<>();
        Map<String, String> fieldOf = new HashMap<>();
        for (String field : List.of("cause", "party", "facts", "evidence", "legalBasis", "proposedDecision")) {
            registration.put("missing " + field, b -> b.remove(field));
            fieldOf.put("missing " + field, field);
        }
        for (String field : List.of("cause", "facts", "legalBasis")) {
            registration.put("blank " + field, b -> b.put(field, "   "));
            fieldOf.put("blank " + field, field);
            registration.put("object as " + field, b -> b.put(field, Map.of("x", 1)));
            fieldOf.put("object as " + field, field);
        }
        add(registration, fieldOf, "cause too long", "cause", b -> b.put("cause", "很".repeat(201)));
        add(registration, fieldOf, "facts too long", "facts", b -> b.put("facts", "事".repeat(10001)));
        add(registration, fieldOf, "legal basis too long", "legalBasis", b -> b.put("legalBasis", "法".repeat(2001)));
        add(registration, fieldOf, "penalty basis too long", "penaltyBasis", b -> b.put("penaltyBasis", "法".repeat(2001)));
        add(registration, fieldOf, "evidence as string", "evidence", b -> b.put("evidence", "现场笔录"));
        add(registration, fieldOf, "evidence empty", "evidence", b -> b.put("evidence", List.of()));
        add(registration, fieldOf, "evidence kind blank", "evidence[0].kind",
                b -> b.put("evidence", List.of(Map.of("kind", "", "description", "x"))));
        add(registration, fieldOf, "evidence description missing", "evidence[0].description",
                b -> b.put("evidence", List.of(Map.of("kind", "书证"))));
        add(registration, fieldOf, "too much evidence", "evidence",
                b -> b.put("evidence", java.util.Collections.nCopies(201, Map.of("kind", "书证", "description", "x"))));
        add(registration, fieldOf, "party as list", "party", b -> b.put("party", List.of()));
        add(registration, fieldOf, "officers as string", "officers", b -> b.put("officers", "liqiang"));
        add(registration, fieldOf, "eleven officers", "officers",
                b -> b.put("officers", java.util.Collections.nCopies(11, "liqiang")));
        add(registration, fieldOf, "blank officer", "officers[0]", b -> b.put("officers", List.of("")));
        add(registration, fieldOf, "filedOn not a date", "filedOn", b -> b.put("filedOn", "2026-13-01"));
        add(registration, fieldOf, "filedOn wrong format", "filedOn", b -> b.put("filedOn", "23/11/2026"));
        add(registration, fieldOf, "majorPublicInterest not boolean", "majorPublicInterest",
                b -> b.put("majorPublicInterest", "maybe"));
        add(registration, fieldOf, "agency too long", "agencyId", b -> b.put("agencyId", "x".repeat(33)));
        // party
        Map<String, Object[]> party = new java.util.LinkedHashMap<>();
        party.put("party type unknown", new Object[] {"type", "ALIEN", "party.type"});
        party.put("party type missing", new Object[] {"type", null, "party.type"});
        party.put("party name blank", new Object[] {"name", " ", "party.name"});
        party.put("party name too long", new Object[] {"name", "名".repeat(201), "party.name"});
        party.put("id number missing", new Object[] {"idNumber", null, "party.idNumber"});
        party.put("id number wrong check digit", new Object[] {"idNumber", "630102198506123018", "party.idNumber"});
        party.put("id number 17 digits", new Object[] {"idNumber", "63010219850612301", "party.idNumber"});
        party.put("id number 19 digits", new Object[] {"idNumber", "6301021985061230191", "party.idNumber"});
        party.put("id number letters", new Object[] {"idNumber", "ABCDEFGHIJKLMNOPQR", "party.idNumber"});
        party.put("id number month 13", new Object[] {"idNumber", "630102198513123019", "party.idNumber"});
        party.put("id number day 32", new Object[] {"idNumber", "630102198501323019", "party.idNumber"});
        party.put("id number injection", new Object[] {"idNumber", "' OR '1'='1", "party.idNumber"});
        party.put("id number script", new Object[] {"idNumber", "<script>x</script>", "party.idNumber"});
        party.put("phone letters", new Object[] {"phone", "call me", "party.phone"});
        party.put("phone injection", new Object[] {"phone", INJECTION, "party.phone"});
        party.put("email invalid", new Object[] {"email", "not-an-email", "party.email"});
        party.put("email injection", new Object[] {"email", INJECTION, "party.email"});
        party.put("address too long", new Object[] {"address", "址".repeat(301), "party.address"});
        party.put("legal representative too long", new Object[] {"legalRepresentative", "代".repeat(101),
                "party.legalRepresentative"});
        party.forEach((name, spec) -> add(registration, fieldOf, name, (String) spec[2], b -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = new HashMap<>((Map<String, Object>) b.get("party"));
            p.put((String) spec[0], spec[1]);
            b.put("party", p);
        }));
        Map<String, Object[]> organization = new java.util.LinkedHashMap<>();
        organization.put("credit code wrong check character", new Object[] {"91630100710440982X", "party.idNumber"});
        organization.put("credit code too short", new Object[] {"9163010071044", "party.idNumber"});
        organization.put("credit code with I and O", new Object[] {"91630100IO0440982A", "party.idNumber"});
        organization.put("citizen id for organisation", new Object[] {"630102198506123019", "party.idNumber"});
        organization.forEach((name, spec) -> add(registration, fieldOf, name, (String) spec[1], b -> b.put("party",
                Map.of("type", "ORGANIZATION", "name", "西宁某运输有限公司", "idNumber", spec[0],
                        "legalRepresentative", "王某"))));
        // proposed decision
        Map<String, Object[]> penalty = new java.util.LinkedHashMap<>();
        penalty.put("negative fine", new Object[] {Map.of("kind", "FINE", "amount", -1), "proposedDecision.penalties[0].amount"});
        penalty.put("zero fine", new Object[] {Map.of("kind", "FINE", "amount", 0), "proposedDecision.penalties[0].amount"});
        penalty.put("absurd fine", new Object[] {Map.of("kind", "FINE", "amount", 1e12), "proposedDecision.penalties[0].amount"});
        penalty.put("fine as text", new Object[] {Map.of("kind", "FINE", "amount", "三万"), "proposedDecision.penalties[0].amount"});
        penalty.put("fine as boolean", new Object[] {Map.of("kind", "FINE", "amount", true), "proposedDecision.penalties[0].amount"});
        penalty.put("unknown penalty kind", new Object[] {Map.of("kind", "EXILE"), "proposedDecision.penalties[0].kind"});
        penalty.put("penalty kind missing", new Object[] {Map.of("amount", 100), "proposedDecision.penalties[0].kind"});
        penalty.put("penalty detail too long", new Object[] {Map.of("kind", "WARNING", "detail", "说".repeat(501)),
                "proposedDecision.penalties[0].detail"});
        penalty.forEach((name, spec) -> add(registration, fieldOf, name, (String) spec[1],
                b -> b.put("proposedDecision", Map.of("penalties", List.of(spec[0])))));
        add(registration, fieldOf, "no penalties", "proposedDecision.penalties",
                b -> b.put("proposedDecision", Map.of("penalties", List.of())));
        add(registration, fieldOf, "penalties as object", "proposedDecision.penalties",
                b -> b.put("proposedDecision", Map.of("penalties", Map.of("kind", "FINE"))));
        add(registration, fieldOf, "thirteen penalties", "proposedDecision.penalties", b -> b.put("proposedDecision",
                Map.of("penalties", java.util.Collections.nCopies(13, Map.of("kind", "WARNING")))));
        registration.forEach((name, mutation) -> {
            Map<String, Object> body = ApiClient.citizenCase("liqiang");
            mutation.accept(body);
            table.add(new Bad("POST /api/cases: " + name, HttpMethod.POST, "/api/cases", "application/json",
                    write(body), 400, fieldOf.get(name)));
        });
        // --- the body itself
        String valid = write(ApiClient.citizenCase("liqiang"));
        for (String[] raw : new String[][] {{"empty body", ""}, {"truncated JSON", "{\"cause\":"},
                {"JSON array", "[]"}, {"JSON null", "null"}, {"JSON string", "\"case\""}, {"JSON number", "42"},
                {"trailing garbage", valid + "}"}, {"single quotes", valid.replace('"', '\'')},
                {"comment in JSON", "/* x */" + valid}, {"NaN literal", valid.replace("30000", "NaN")}}) {
            table.add(new Bad("POST /api/cases: " + raw[0], HttpMethod.POST, "/api/cases", "application/json",
                    raw[1], 400, raw[0].equals("JSON array") || raw[0].equals("JSON string")
                            || raw[0].equals("JSON number") || raw[0].equals("empty body") || raw[0].equals("JSON null")
                            || raw[0].startsWith("truncated") || raw[0].startsWith("trailing")
                            || raw[0].startsWith("single") || raw[0].startsWith("comment") ? "body" : null));
        }
        table.add(new Bad("POST /api/cases: text/plain", HttpMethod.POST, "/api/cases", "text/plain", valid, 415, null));
        table.add(new Bad("POST /api/cases: XML", HttpMethod.POST, "/api/cases", "application/xml",
                "<case><cause>x</cause></case>", 415, null));
        table.add(new Bad("POST /api/cases: form encoded", HttpMethod.POST, "/api/cases",
                "application/x-www-form-urlencoded", "cause=x", 415, null));
        table.add(new Bad("POST /api/cases: no content type", HttpMethod.POST, "/api/cases", null, valid, 415, null));
        table.add(new Bad("POST /api/cases: oversized body (3 MB)", HttpMethod.POST, "/api/cases", "application/json",
                valid.replace("\"facts\":\"", "\"facts\":\"" + "x".repeat(3_000_000)), 413, null));
        // --- ids, methods and unknown resources
        String unknown = UUID.randomUUID().toString();
        table.add(new Bad("GET case: id not a UUID", HttpMethod.GET, "/api/cases/123", null, null, 400, "id"));
        // rejected by the security firewall before routing, so no field can be named
        table.add(new Bad("GET case: injection as id", HttpMethod.GET, "/api/cases/1%27%20OR%20%271%27=%271", null,
                null, 400, null));
        table.add(new Bad("GET case: unknown id", HttpMethod.GET, "/api/cases/" + unknown, null, null, 404, null));
        table.add(new Bad("GET record verification: unknown id", HttpMethod.GET,
                "/api/cases/" + unknown + "/record-verification", null, null, 404, null));
        table.add(new Bad("POST review: unknown case", HttpMethod.POST, "/api/cases/" + unknown + "/review",
                "application/json", null, 404, null));
        table.add(new Bad("POST review: id not a UUID", HttpMethod.POST, "/api/cases/abc/review", "application/json",
                null, 400, "id"));
        table.add(new Bad("DELETE /api/cases", HttpMethod.DELETE, "/api/cases", null, null, 405, null));
        table.add(new Bad("PUT a case", HttpMethod.PUT, "/api/cases/" + unknown, "application/json", valid, 405, null));
        table.add(new Bad("unknown endpoint", HttpMethod.GET, "/api/nothing-here", null, null, 404, null));
        // --- withdrawal of a publication
        String withdrawal = "/api/cases/" + unknown + "/publication/withdrawal";
        table.add(new Bad("withdrawal: reason missing", HttpMethod.POST, withdrawal, "application/json", "{}", 400,
                "reason"));
        table.add(new Bad("withdrawal: reason too long", HttpMethod.POST, withdrawal, "application/json",
                write(Map.of("reason", "因".repeat(1001))), 400, "reason"));
        table.add(new Bad("withdrawal: changedOn in the future", HttpMethod.POST, withdrawal, "application/json",
                write(Map.of("reason", "决定被撤销", "changedOn", "2099-01-01")), 400, "changedOn"));
        table.add(new Bad("withdrawal: changedOn not a date", HttpMethod.POST, withdrawal, "application/json",
                write(Map.of("reason", "决定被撤销", "changedOn", "yesterday")), 400, "changedOn"));
        table.add(new Bad("withdrawal: unknown case", HttpMethod.POST, withdrawal, "application/json",
                write(Map.of("reason", "决定被撤销")), 404, null));
        // --- the calendar
        String deadline = "/api/calendar/deadline";
        for (String[] q : new String[][] {{"from missing", "?workdays=5", "from"},
                {"from not a date", "?from=2026-02-30&workdays=5", "from"},
                {"from injection", "?from=2026-11-23%27%20OR%201=1&workdays=5", "from"},
                {"workdays negative", "?from=2026-11-23&workdays=-1", "workdays"},
                {"workdays absurd", "?from=2026-11-23&workdays=100000", "workdays"},
                {"workdays text", "?from=2026-11-23&workdays=five", "workdays"},
                {"workdays zero", "?from=2026-11-23&workdays=0", "workdays"},
                {"days negative", "?from=2026-11-23&days=-3", "days"},
                {"days absurd", "?from=2026-11-23&days=99999999999", "days"}}) {
            table.add(new Bad("GET deadline: " + q[0], HttpMethod.GET, deadline + q[1], null, null, 400, q[2]));
        }
        table.add(new Bad("GET deadline: both workdays and days", HttpMethod.GET,
                deadline + "?from=2026-11-23&workdays=5&days=5", null, null, 400, null));
        table.add(new Bad("GET deadline: neither workdays nor days", HttpMethod.GET, deadline + "?from=2026-11-23",
                null, null, 400, null));
        table.add(new Bad("GET deadline: beyond the known years", HttpMethod.GET,
                deadline + "?from=2090-01-05&workdays=5", null, null, 422, null)); // beyond the synthetic test years
        table.add(new Bad("PUT calendar year as officer", HttpMethod.PUT, "/api/calendar/years/2030",
                "application/json", "{\"notice\":\"x\",\"holidays\":[],\"workdays\":[]}", 403, null));
        return table.stream();
    }

    private static void add(Map<String, Consumer<Map<String, Object>>> registration, Map<String, String> fieldOf,
            String name, String field, Consumer<Map<String, Object>> mutation) {
        registration.put(name, mutation);
        fieldOf.put(name, field);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
