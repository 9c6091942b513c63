package org.lawflow;

import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls the running application as a demo user (HTTP Basic, password demo), the way outside clients do. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestRestTemplate rest;

    public ApiClient(TestRestTemplate rest) {
        this.rest = rest;
    }

    public Response get(String user, String path) {
        return exchange(user, HttpMethod.GET, path, null);
    }

    /** The items of a JSON list answer, failing the test unless the answer is 200. */
    public java.util.List<JsonNode> list(String user, String path) {
        Response response = get(user, path);
        org.assertj.core.api.Assertions.assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        java.util.List<JsonNode> items = new java.util.ArrayList<>();
        response.json().forEach(items::add);
        return items;
    }

    public Response post(String user, String path, Object body) {
        return exchange(user, HttpMethod.POST, path, body);
    }

    public Response exchange(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, "demo");
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON,
                MediaType.ALL));
        String payload;
        try {
            payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(payload, headers), String.class);
        return new Response(response.getStatusCode().value(), response.getHeaders(), response.getBody());
    }

    public record Response(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body == null ? "null" : body);
            } catch (Exception e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    /**
     * Today in China, for dates a request must not place in the future. Tests use it where a fixed date would let a
     * statutory deadline lapse once the calendar passes it (a clue discovered on 2026-11-02 became overdue on
     * 2026-11-24 and its reminder mails fired inside the crash test).
     */
    public static String todayInChina() {
        return org.lawflow.system.ChinaTime.today().toString();
    }

    /** A valid registration body for a xining citizen case with a fine; tests change what they need. */
    public static Map<String, Object> citizenCase(String... officers) {
        return new java.util.HashMap<>(Map.of(
                "cause", "未取得道路运输经营许可擅自从事道路旅客运输经营",
                "party", Map.of("type", "CITIZEN", "name", "马建国", "idNumber", "630102198506123019",
                        "phone", "13800971234", "address", "青海省西宁市城东区八一路1号", "email", "majianguo@party.example"),
                "facts", "2026年11月3日，当事人驾驶青A12345小型客车在西宁火车站载客收费，无道路运输经营许可。",
                "evidence", java.util.List.of(Map.of("kind", "现场笔录", "description", "现场检查笔录一份"),
                        Map.of("kind", "询问笔录", "description", "对当事人的询问笔录")),
                "legalBasis", "《中华人民共和国道路运输条例》第八条",
                "penaltyBasis", "《中华人民共和国道路运输条例》第六十三条",
                "proposedDecision", Map.of("penalties", java.util.List.of(Map.of("kind", "FINE", "amount", 30000))),
                "officers", java.util.List.of(officers.length == 0 ? new String[] {"liqiang"} : officers)));
    }
}
