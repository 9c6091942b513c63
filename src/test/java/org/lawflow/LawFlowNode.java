package org.lawflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One LawFlow node as a separate JVM (the test classpath, main class {@code org.lawflow.LawFlowApplication}, profiles
 * postgres + demo, job executor on, 512 MB heap) on a given PostgreSQL database, mailing to an SMTP port of the
 * caller, and the HTTP calls the tests make against it. For tests about processes: nodes that are killed and
 * restarted (same port), that lose their database, or several nodes on one database.
 */
public final class LawFlowNode implements AutoCloseable {

    /**
     * For tests that kill a node: the restarted node takes over the dead node's locked jobs after 30 s (default 5
     * minutes), and an idle executor looks for jobs every second. Not less than 30 s: the lock runs from acquisition,
     * queue time included, and on a loaded 2-core machine a PDF job waited and ran for more than 10 s; the executor
     * then re-acquired the still running job, and the first run ended in an OptimisticLockingException.
     */
    public static final List<String> QUICK_TAKEOVER = List.of("--camunda.bpm.job-execution.lock-time-in-millis=30000",
            "--camunda.bpm.job-execution.max-wait=1000");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String name;
    private final String dbUrl;
    private final int smtpPort;
    private final int port;
    private final List<String> extraArgs;
    private Process process;
    private int runs;
    private long startupMillis;

    /**
     * A node named {@code name} (also the engine's hostname, so {@code act_hi_job_log.hostname_} tells which node ran
     * a job); not started yet.
     */
    public LawFlowNode(String name, String dbUrl, int smtpPort, List<String> extraArgs) throws IOException {
        this.name = name;
        this.dbUrl = dbUrl;
        this.smtpPort = smtpPort;
        this.port = freePort();
        this.extraArgs = List.copyOf(extraArgs);
    }

    /** Creates and starts a node. */
    public static LawFlowNode start(String name, String dbUrl, int smtpPort, List<String> extraArgs) throws Exception {
        LawFlowNode node = new LawFlowNode(name, dbUrl, smtpPort, extraArgs);
        node.start();
        return node;
    }

    /**
     * Starts (or, after {@link #kill()}, restarts) the JVM on the same port, log target/lawflow-node-NAME-RUN.log,
     * and waits until /actuator/health answers 200.
     */
    public void start() throws Exception {
        runs++;
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-cp", classpath(), "org.lawflow.LawFlowApplication",
                "--spring.profiles.active=postgres,demo", "--server.port=" + port,
                "--spring.datasource.url=" + dbUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--lawflow.demo.smtp-sink-port=0", "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // the node tests count the flows' own mails; the staff's task mails have TaskMailsTest
                "--lawflow.mail.task-mails.enabled=false"));
        command.addAll(extraArgs);
        File log = new File("target/lawflow-node-" + name + "-" + runs + ".log");
        log.getParentFile().mkdirs();
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        // the test classpath's TestDatabase (used by nothing at runtime) must not create a database of its own
        builder.environment().put("LAWFLOW_TEST_DB_URL", dbUrl);
        builder.environment().put("LAWFLOW_TEST_DB_USER", "postgres");
        long started = System.nanoTime();
        process = builder.start();
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until) {
            assertThat(process.isAlive()).as("LawFlow node " + name + " died, see " + log).isTrue();
            try {
                var health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    startupMillis = (System.nanoTime() - started) / 1_000_000;
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        kill();
        throw new AssertionError("LawFlow node " + name + " did not start within 120 s, see " + log);
    }

    /**
     * The classpath of this JVM for the child: under Surefire {@code java.class.path}; under {@code exec:java} (a
     * benchmark run from Maven) the project's classpath is only known to the class loader.
     */
    static String classpath() {
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
            var entries = new ArrayList<String>();
            for (var url : loader.getURLs()) {
                try {
                    entries.add(new File(url.toURI()).getPath());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (!entries.isEmpty()) {
                return String.join(File.pathSeparator, entries);
            }
        }
        return System.getProperty("java.class.path");
    }

    public String name() {
        return name;
    }

    /** From launching the JVM to the first healthy answer, of the latest start. */
    public long startupMillis() {
        return startupMillis;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Calls the node as a demo user (HTTP Basic) and checks the status; returns the JSON body or null. */
    public JsonNode call(String user, String method, String path, Object body, int expected) throws Exception {
        var response = send(user, method, path, body);
        assertThat(response.statusCode()).as(name + ": " + method + " " + path + ": " + response.body())
                .isEqualTo(expected);
        return response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
    }

    /** Calls the node as a demo user (HTTP Basic), whatever the answer. */
    public HttpResponse<String> send(String user, String method, String path, Object body) throws Exception {
        var request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Completes the single open task of the case that {@code user} sees, with the given variables. */
    public void complete(String user, String caseNo, Map<String, Object> variables) throws Exception {
        JsonNode tasks = call(user, "GET", "/engine-rest/task?processInstanceBusinessKey="
                + URLEncoder.encode(caseNo, StandardCharsets.UTF_8), null, 200);
        assertThat(tasks).as(name + ": open task of " + caseNo + " for " + user).hasSize(1);
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        call(user, "POST", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                Map.of("variables", typed), 204);
    }

    /**
     * Registers case {@code i} (a 3,000 元 fine of major public interest, party mail party&lt;i&gt;@party.example),
     * approves 立案 and starts the major-decision review, which then waits at 提交拟处罚决定. Returns id and caseNo.
     */
    public Map<String, String> caseInReview(int i) throws Exception {
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

    /** A count from the node's database. */
    public int count(String sql) throws Exception {
        return count(dbUrl, sql);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hooks, no transaction finishes. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    public static int count(String dbUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
