package org.lawflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.lawflow.LawFlowApplication;
import org.lawflow.ScratchDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * LawFlow itself (a): the Spring Boot application in this JVM, profiles postgres + demo (demo users and agencies),
 * job executor on, mail to the benchmark's SMTP sink. Cases are registered and reviews started through LawFlow's
 * REST API with HTTP Basic, as a client would; tasks go through the engine's Java API (see {@link SimulatedUsers}).
 */
final class LawFlowInProcess implements FlowTarget, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Registrations answered with 409 (concurrent case-number allocation) and submitted again. */
    static final java.util.concurrent.atomic.AtomicInteger REGISTRATION_RETRIES =
            new java.util.concurrent.atomic.AtomicInteger();
    private final ConfigurableApplicationContext context;
    private final ProcessEngine engine;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    final double startSeconds;

    private LawFlowInProcess(ConfigurableApplicationContext context, double startSeconds) {
        this.context = context;
        this.engine = context.getBean(ProcessEngine.class);
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        this.startSeconds = startSeconds;
    }

    /** The arguments LawFlow runs with in the benchmark; pass-through arguments override them. */
    static List<String> arguments(ScratchDatabase db, int smtpPort, int serverPort, Map<String, String> passThrough) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("spring.profiles.active", "postgres,demo");
        args.put("server.port", String.valueOf(serverPort));
        args.put("spring.datasource.url", db.url());
        args.put("spring.datasource.username", db.user());
        args.put("spring.datasource.password", "");
        args.put("spring.mail.host", "127.0.0.1");
        args.put("spring.mail.port", String.valueOf(smtpPort));
        args.put("lawflow.demo.smtp-sink-port", "0");
        // the figures so far were measured without the staff's task mails (mail.TaskMails, added later)
        args.put("lawflow.mail.task-mails.enabled", "false");
        // tells the test classpath's TestDatabase that the database is chosen here
        args.put("lawflow.bench.database", db.name());
        args.putAll(passThrough);
        List<String> list = new ArrayList<>();
        args.forEach((k, v) -> list.add("--" + k + "=" + v));
        return list;
    }

    static LawFlowInProcess start(ScratchDatabase db, int smtpPort, Map<String, String> passThrough) {
        long t = System.nanoTime();
        var application = new SpringApplication(LawFlowApplication.class);
        // the simulated users' wake-up signals, as in the baseline (a bean, not a scanned class: the test classpath
        // is scanned by every LawFlow test)
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("benchTaskSignals",
                new TaskSignals()));
        var context = application.run(arguments(db, smtpPort, 0, passThrough).toArray(String[]::new));
        return new LawFlowInProcess(context, (System.nanoTime() - t) / 1e9);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public ProcessEngine engine() {
        return engine;
    }

    @Override
    public FlowCase register(int i) throws Exception {
        var body = org.lawflow.ApiClient.citizenCase(SimulatedUsers.OFFICER, "liqiang");
        body.put("party", Map.of("type", "CITIZEN", "name", "马建国", "idNumber", "630102198506123019",
                "phone", "13800971234", "address", "青海省西宁市城东区八一路1号",
                "email", "party" + i + "@party.example"));
        body.put("proposedDecision", Map.of("penalties", List.of(Map.of("kind", "FINE", "amount", 3000))));
        body.put("majorPublicInterest", true);
        JsonNode created;
        try {
            created = call("POST", "/api/cases", body, 201);
        } catch (Conflict e) {
            // The first registrations of a year race for the agency's case-number row (insert of a new row); LawFlow
            // answers 409 "并发冲突" and the officer submits again. Counted, so the figure shows it.
            REGISTRATION_RETRIES.incrementAndGet();
            created = call("POST", "/api/cases", body, 201);
        }
        return new FlowCase(created.get("id").asText(), created.get("caseNo").asText());
    }

    @Override
    public void startReview(FlowCase c) throws Exception {
        call("POST", "/api/cases/" + c.id() + "/review", null, 201);
    }

    private JsonNode call(String method, String path, Object body, int expected) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((SimulatedUsers.OFFICER + ":demo").getBytes()))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 409 && response.body().contains("并发冲突")) {
            throw new Conflict(response.body());
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " "
                    + response.body());
        }
        return response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
    }

    /**
     * What every completed flow must have left behind: the six documents of the path, one filing package (a ZIP
     * that is not empty) and three sent mails (party notice; filing package to the superior department and to the
     * justice bureau). Returns one line per flow that lacks something.
     */
    List<String> missingResults(List<FlowCase> flows) {
        var jdbc = context.getBean(JdbcTemplate.class);
        List<String> problems = new ArrayList<>();
        List<String> kinds = List.of("VIOLATION_NOTICE", "LEGAL_REVIEW_OPINION", "PENALTY_DECISION",
                "FILING_REPORT", "FILING_FORM", "PUBLICATION_RECORD");
        for (FlowCase c : flows) {
            var id = java.util.UUID.fromString(c.id());
            List<String> documents = jdbc.queryForList(
                    "select distinct kind from document where case_id = ? and size_bytes > 0", String.class, id);
            Integer packages = jdbc.queryForObject(
                    "select count(*) from filing_package where case_id = ? and kind = 'FILING' "
                            + "and octet_length(content) > 0", Integer.class, id);
            Integer mails = jdbc.queryForObject(
                    "select count(*) from mail_record where case_id = ? and status = 'SENT'", Integer.class, id);
            if (!documents.containsAll(kinds) || packages == null || packages != 1 || mails == null || mails != 3) {
                problems.add(c.caseNo() + ": documents " + documents + ", packages " + packages + ", mails " + mails);
            }
        }
        return problems;
    }

    /** Durations (ms) of the activities with these ids started since {@code from}, from the engine history. */
    List<Double> activityMillis(java.util.Date from, List<String> activityIds) {
        List<Double> millis = new ArrayList<>();
        for (String activity : activityIds) {
            engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(activity).startedAfter(from)
                    .finished().list()
                    .forEach(a -> millis.add(a.getDurationInMillis().doubleValue()));
        }
        millis.sort(null);
        return millis;
    }

    /** LawFlow's 409 for a concurrent update: the user may simply submit again. */
    static final class Conflict extends IllegalStateException {
        Conflict(String body) {
            super(body);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
