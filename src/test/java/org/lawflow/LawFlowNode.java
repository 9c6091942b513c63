package org.lawflow;

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
 * postgres + demo, job executor on) on a given PostgreSQL database, with its mail going to an SMTP server of the
 * caller. Used where the test is about processes: several nodes on one database, or a node that is killed.
 */
public final class LawFlowNode implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final File log;
    private long startupMillis;

    private LawFlowNode(String name, int port, Process process, File log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts node {@code name} and waits until /actuator/health answers 200. The node name becomes the engine's
     * hostname, so the job log ({@code act_hi_job_log.hostname_}) tells which node ran a job.
     */
    public static LawFlowNode start(String name, String dbUrl, int smtpPort, List<String> extraArgs) throws Exception {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-cp", classpath(), "org.lawflow.LawFlowApplication",
                "--spring.profiles.active=postgres,demo", "--server.port=" + port,
                "--spring.datasource.url=" + dbUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--lawflow.demo.smtp-sink-port=0", "--camunda.bpm.generic-properties.properties.hostname=" + name));
        command.addAll(extraArgs);
        File log = new File("target/lawflow-node-" + name + ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        // the test classpath's TestDatabase (used by nothing at runtime) must not create a database of its own
        builder.environment().put("LAWFLOW_TEST_DB_URL", dbUrl);
        builder.environment().put("LAWFLOW_TEST_DB_USER", "postgres");
        long started = System.nanoTime();
        LawFlowNode node = new LawFlowNode(name, port, builder.start(), log);
        node.awaitHealthy(Duration.ofSeconds(120));
        node.startupMillis = (System.nanoTime() - started) / 1_000_000;
        return node;
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

    private void awaitHealthy(Duration timeout) throws Exception {
        long until = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < until) {
            if (!process.isAlive()) {
                throw new AssertionError("LawFlow node " + name + " died, see " + log);
            }
            try {
                var health = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new AssertionError("LawFlow node " + name + " did not start within " + timeout + ", see " + log);
    }

    public String name() {
        return name;
    }

    /** From launching the JVM to the first healthy answer. */
    public long startupMillis() {
        return startupMillis;
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Calls the node as a demo user (HTTP Basic) and checks the status; returns the JSON body or null. */
    public JsonNode call(String user, String method, String path, Object body, int expected) throws Exception {
        var request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(name + ": " + method + " " + path + " → " + response.statusCode() + " (expected "
                    + expected + "): " + response.body());
        }
        return response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
    }

    /** Completes the single open task of the case that {@code user} sees, with the given variables. */
    public void completeTask(String user, String caseNo, Map<String, Object> variables) throws Exception {
        JsonNode tasks = call(user, "GET", "/engine-rest/task?processInstanceBusinessKey="
                + URLEncoder.encode(caseNo, StandardCharsets.UTF_8), null, 200);
        if (tasks.size() != 1) {
            throw new AssertionError(name + ": expected one open task of " + caseNo + " for " + user + ": " + tasks);
        }
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        call(user, "POST", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                Map.of("variables", typed), 204);
    }

    /**
     * Registers case {@code i} (a 3,000 元 fine of major public interest, party mail partyI@party.example), approves
     * 立案 and starts the major-decision review, which then waits at 提交拟处罚决定. Returns id and caseNo.
     */
    public Map<String, String> reviewWaitingForProposal(int i) throws Exception {
        var body = ApiClient.citizenCase("liqiang");
        body.put("party", Map.of("type", "CITIZEN", "name", "马建国", "idNumber", "630102198506123019",
                "email", "party" + i + "@party.example"));
        body.put("proposedDecision", Map.of("penalties", List.of(Map.of("kind", "FINE", "amount", 3000))));
        body.put("majorPublicInterest", true);
        JsonNode created = call("zhangwei", "POST", "/api/cases", body, 201);
        String id = created.get("id").asText();
        String caseNo = created.get("caseNo").asText();
        completeTask("zhaomin", caseNo, Map.of("filingDecision", "approve", "filingOpinion", "同意立案"));
        call("zhangwei", "POST", "/api/cases/" + id + "/review", null, 201);
        return Map.of("id", id, "caseNo", caseNo);
    }

    /** Kills the JVM without letting it clean up (SIGKILL). */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
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
