package org.lawflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lawflow.ApiClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * LawFlow as a separate JVM (the test classpath, main class {@code org.lawflow.LawFlowApplication}, profiles
 * postgres + demo, job executor on) on a given PostgreSQL database, mailing to a given SMTP port, and the HTTP calls
 * the reliability tests make against it. Separate, because these tests kill it or take its database away.
 */
final class ChildLawFlow {

    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The restarted node takes over a dead node's locked jobs after this (the default is 5 minutes). Not less: the lock
     * runs from acquisition, queue time included, and on a loaded 2-core machine a PDF job waited and ran for more than
     * 10 s; the executor then re-acquired the still running job, and the first run ended in an OptimisticLockingException.
     */
    static final String LOCK_TIME_MILLIS = "30000";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String dbUrl;
    private final int smtpPort;
    private final int port;
    private final String logPrefix;
    private final List<String> extraArguments;
    private Process process;

    ChildLawFlow(String dbUrl, int smtpPort, String logPrefix, String... extraArguments) throws Exception {
        this.dbUrl = dbUrl;
        this.smtpPort = smtpPort;
        this.port = freePort();
        this.logPrefix = logPrefix;
        this.extraArguments = List.of(extraArguments);
    }

    /** Starts the JVM (log target/&lt;logPrefix&gt;-&lt;run&gt;.log) and waits until /actuator/health answers 200. */
    void start(int run) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), "org.lawflow.LawFlowApplication",
                "--spring.profiles.active=postgres,demo", "--server.port=" + port,
                "--spring.datasource.url=" + dbUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--lawflow.demo.smtp-sink-port=0", "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
                "--camunda.bpm.job-execution.max-wait=1000"));
        command.addAll(extraArguments);
        String log = "target/" + logPrefix + "-" + run + ".log";
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(log));
        builder.environment().put("LAWFLOW_TEST_DB_URL", dbUrl); // the test classpath's TestDatabase: use this one
        builder.environment().put("LAWFLOW_TEST_DB_USER", "postgres");
        process = builder.start();
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until) {
            assertThat(process.isAlive()).as("LawFlow run " + run + " died, see " + log).isTrue();
            try {
                var health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new AssertionError("LawFlow did not start within 120 s, see " + log);
    }

    /** SIGKILL: no shutdown hooks, no transaction finishes. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Registers case i (party mail party&lt;i&gt;@party.example), approves 立案 and starts the review (waits at 提交拟处罚决定). */
    Map<String, String> caseInReview(int i) throws Exception {
        var body = ApiClient.citizenCase("liqiang");
        body.put("party", Map.of("type", "CITIZEN", "name", "马建国", "idNumber", "630102198506123019",
                "email", "party" + i + "@party.example"));
        body.put("proposedDecision", Map.of("penalties", List.of(Map.of("kind", "FINE", "amount", 3000))));
        body.put("majorPublicInterest", true);
        JsonNode created = call("zhangwei", "POST", "/api/cases", body, 201);
        String id = created.get("id").asText();
        String caseNo = created.get("caseNo").asText();
        complete("zhaomin", caseNo, Map.of("filingDecision", "approve", "filingOpinion", "同意立案"));
        call("zhangwei", "POST", "/api/cases/" + id + "/review", null, 201);
        return Map.of("id", id, "caseNo", caseNo);
    }

    void complete(String user, String caseNo, Map<String, Object> variables) throws Exception {
        JsonNode tasks = call(user, "GET", "/engine-rest/task?processInstanceBusinessKey="
                + URLEncoder.encode(caseNo, StandardCharsets.UTF_8), null, 200);
        assertThat(tasks).as("open task of " + caseNo + " for " + user).hasSize(1);
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        call(user, "POST", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                Map.of("variables", typed), 204);
    }

    JsonNode call(String user, String method, String path, Object body, int expected) throws Exception {
        var response = send(user, method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
    }

    HttpResponse<String> send(String user, String method, String path, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    int count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", ""); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
