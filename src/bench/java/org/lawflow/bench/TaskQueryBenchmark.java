package org.lawflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.lawflow.LawFlowApplication;
import org.lawflow.TestDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Task-list latency of a legal reviewer (王芳, legal-reviewer of xining) with many open tasks and a large history
 * (issue #8 c): what Camunda Tasklist asks for its default filter, over HTTP with authorization and tenant checks
 * on, plus the same Java TaskQuery and LawFlow's own case list and deadline board.
 * <p>
 * Seeding ({@link TaskListSeeder}): {@code openTasks} legal review tasks in real {@code major-decision-review}
 * instances, alternately xining and haidong, and {@code historicActivityRows} ACT_HI_ACTINST rows of finished
 * instances. Every measured answer is checked (count == tasks the reviewer may see; first page full and all of
 * her agency), so a fast wrong answer fails instead of looking good.
 * <p>
 * Standalone, on a fresh PostgreSQL database created by {@link TestDatabase} (dropped at the end):
 * <pre>
 * MAVEN_OPTS=-Xmx512m mvn -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=org.lawflow.bench.TaskQueryBenchmark -Dexec.args="10000 1000000 200"
 * </pre>
 * (args: open tasks, historic activity rows, measured iterations per query; defaults 10000 1000000 200; further
 * args go to Spring, e.g. {@code --logging.level.org.camunda.bpm.engine.impl.persistence.entity=debug} for the SQL).
 * {@code -Dlawflow.bench.keepDatabase=true} keeps the seeded database for EXPLAIN ANALYZE (drop it yourself).
 * Only PostgreSQL: the seeding SQL uses {@code generate_series}.
 */
public final class TaskQueryBenchmark {

    static final String REVIEWER = "wangfang";
    static final String REVIEWER_AGENCY = "xining";
    static final String PASSWORD = "demo";
    static final int PAGE_SIZE = 15; // Tasklist's page size
    static final int DEFAULT_ITERATIONS = 200;
    /** Un-timed rounds first: JIT, connection pool, PostgreSQL plan and buffer caches. */
    static final int WARM_UP = 20;
    /** The deadline board lists every open task unpaged; a tenth of the iterations is enough for its spread. */
    static final int BOARD_ITERATION_DIVISOR = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskQueryBenchmark() {
    }

    public static Map<String, Object> run(ConfigurableApplicationContext lawflow, int openTasks,
            int historicActivityRows) {
        return run(lawflow, openTasks, historicActivityRows, DEFAULT_ITERATIONS);
    }

    static Map<String, Object> run(ConfigurableApplicationContext lawflow, int openTasks, int historicActivityRows,
            int iterations) {
        return run(lawflow, openTasks, historicActivityRows, iterations, false);
    }

    /** @param removeAfterwards delete the seeded data again (a shared test database), else leave it for Cockpit */
    static Map<String, Object> run(ConfigurableApplicationContext lawflow, int openTasks, int historicActivityRows,
            int iterations, boolean removeAfterwards) {
        ProcessEngine engine = lawflow.getBean(ProcessEngine.class);
        JdbcTemplate jdbc = new JdbcTemplate(lawflow.getBean(DataSource.class));
        int port = ((WebServerApplicationContext) lawflow).getWebServer().getPort();
        Map<String, Object> figures = new LinkedHashMap<>();

        var reviewerGroups = List.of(TaskListSeeder.REVIEWER_GROUP);
        var reviewerTenants = List.of(REVIEWER_AGENCY);
        Supplier<Long> javaCount = () -> asReviewer(engine, reviewerGroups, reviewerTenants,
                () -> engine.getTaskService().createTaskQuery().taskCandidateUser(REVIEWER).includeAssignedTasks()
                        .count());
        long before = javaCount.get();
        // Tasklist's 本组待办 = tasks offered to her or her groups, also those a colleague claimed (TasklistFilters)
        long groupBefore = asReviewer(engine, reviewerGroups, reviewerTenants,
                () -> engine.getTaskService().createTaskQuery().or().taskCandidateUser(REVIEWER)
                        .taskCandidateGroupIn(reviewerGroups).includeAssignedTasks().endOr().count());
        var seeder = new TaskListSeeder(engine, jdbc);
        var seeded = seeder.seed(openTasks, historicActivityRows);
        try {
            measure(engine, port, figures, seeded, before, groupBefore, iterations, javaCount);
            figures.put("seededTaskAuthorizations", seeder.taskAuthorizations(seeded));
        } finally {
            if (removeAfterwards) {
                seeder.remove(seeded);
            }
        }
        return figures;
    }

    private static void measure(ProcessEngine engine, int port, Map<String, Object> figures,
            TaskListSeeder.Seeded seeded, long before, long groupBefore, int iterations, Supplier<Long> javaCount) {
        var reviewerGroups = List.of(TaskListSeeder.REVIEWER_GROUP);
        var reviewerTenants = List.of(REVIEWER_AGENCY);
        int openTasks = seeded.openTasks();
        long expected = before + seeded.visibleToXiningReviewer();
        long expectedInFilter = groupBefore + seeded.visibleToXiningReviewer(); // seeded tasks are unassigned
        figures.put("openTasks", openTasks);
        figures.put("historicActivityRows", seeded.historicActivityRows());
        figures.put("seedingSeconds", round(seeded.seconds()));
        figures.put("tasksVisibleToReviewer", expected);
        figures.put("iterations", iterations);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://127.0.0.1:" + port;
        String filterId = engine.getFilterService().createFilterQuery().filterName("本组待办").singleResult().getId();

        // 1. Java TaskQuery as the Tasklist's "candidate user incl. assigned, newest first" page and its count
        Latency javaList = Latency.measure(iterations, () -> {
            List<Task> page = asReviewer(engine, reviewerGroups, reviewerTenants,
                    () -> engine.getTaskService().createTaskQuery().taskCandidateUser(REVIEWER)
                            .includeAssignedTasks().orderByTaskCreateTime().desc().listPage(0, PAGE_SIZE));
            check(page.size() == Math.min(PAGE_SIZE, expected), "Java task page size " + page.size());
            check(page.stream().allMatch(t -> REVIEWER_AGENCY.equals(t.getTenantId())), "foreign agency task");
        });
        Latency javaCountLatency = Latency.measure(iterations,
                () -> check(javaCount.get() == expected, "Java task count != " + expected));
        javaList.putInto(figures, "taskQuery");
        javaCountLatency.putInto(figures, "taskCount");
        // one task by id: the smallest checked command, as each Tasklist click, claim and completion starts with
        String someTask = asReviewer(engine, reviewerGroups, reviewerTenants, () -> engine.getTaskService()
                .createTaskQuery().taskCandidateUser(REVIEWER).listPage(0, 1).get(0).getId());
        Latency singleTask = Latency.measure(iterations, () -> check(asReviewer(engine, reviewerGroups,
                reviewerTenants, () -> engine.getTaskService().createTaskQuery().taskId(someTask).singleResult())
                != null, "task by id not found"));
        singleTask.putInto(figures, "taskById");

        // 2. engine REST as Tasklist/clients call it, HTTP Basic as the reviewer
        String taskParams = "candidateUser=" + REVIEWER + "&includeAssignedTasks=true&sortBy=created&sortOrder=desc";
        Latency restList = Latency.measure(iterations, () -> {
            JsonNode page = json(send(http, get(base + "/engine-rest/task?" + taskParams + "&firstResult=0&maxResults="
                    + PAGE_SIZE)));
            checkPage(page, expected);
        });
        Latency restCount = Latency.measure(iterations, () -> {
            long count = json(send(http, get(base + "/engine-rest/task/count?" + taskParams))).path("count").asLong();
            check(count == expected, "REST task count " + count + " != " + expected);
        });
        restList.putInto(figures, "restTaskQuery");
        restCount.putInto(figures, "restTaskCount");

        // 3. Tasklist's own call: the shared filter 本组待办 as HAL (with the filter's variables caseNo, caseCause)
        String sorting = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"processVariables\":[],"
                + "\"taskVariables\":[],\"caseInstanceVariables\":[],\"orQueries\":[]}";
        Latency filterList = Latency.measure(iterations, () -> {
            JsonNode body = json(send(http, post(base + "/engine-rest/filter/" + filterId + "/list?firstResult=0"
                    + "&maxResults=" + PAGE_SIZE, sorting).setHeader("Accept", "application/hal+json").build()));
            JsonNode tasks = body.path("_embedded").path("task");
            check(tasks.size() == Math.min(PAGE_SIZE, expectedInFilter), "filter page size " + tasks.size());
            check(body.path("count").asLong() == expectedInFilter, "filter HAL count " + body.path("count"));
            for (JsonNode task : tasks) {
                check(REVIEWER_AGENCY.equals(task.path("tenantId").asText()), "foreign agency task in filter");
                check(task.path("_embedded").path("variable").size() >= 1, "filter variables missing");
            }
        });
        Latency filterCount = Latency.measure(iterations, () -> {
            long count = json(send(http, post(base + "/engine-rest/filter/" + filterId + "/count", sorting).build()))
                    .path("count").asLong();
            check(count == expectedInFilter, "filter count " + count + " != " + expectedInFilter);
        });
        filterList.putInto(figures, "tasklistFilterList");
        filterCount.putInto(figures, "tasklistFilterCount");

        // 4. LawFlow's own lists: the case list (newest 200 of the agency) and the deadline board (all open tasks)
        Latency caseList = Latency.measure(iterations, () -> {
            JsonNode cases = json(send(http, get(base + "/api/cases")));
            check(cases.isArray() && cases.size() > 0, "empty case list");
        });
        caseList.putInto(figures, "caseList");
        Latency board = Latency.measure(Math.max(5, iterations / BOARD_ITERATION_DIVISOR), () -> {
            JsonNode answer = json(send(http, get(base + "/api/monitor/deadlines")));
            long listedOpen = 0;
            long notOpen = 0;
            for (JsonNode item : answer.path("items")) {
                if ("OPEN".equals(item.path("status").asText())) {
                    listedOpen++;
                } else {
                    notOpen++;
                }
            }
            // every seeded task has a due date (earlier flows' tasks may have none); later deadlines are only counted
            long total = answer.path("openTotal").asLong() + notOpen;
            check(total >= seeded.visibleToXiningReviewer(), "deadline board counts only " + total);
            check(listedOpen <= 100 && listedOpen == answer.path("openShown").asLong(),
                    "deadline board lists " + listedOpen + " not-yet-due tasks");
        });
        board.putInto(figures, "deadlineBoard");
    }

    private static <T> T asReviewer(ProcessEngine engine, List<String> groups, List<String> tenants,
            Supplier<T> work) {
        var identity = engine.getIdentityService();
        identity.setAuthentication(REVIEWER, groups, tenants);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static void checkPage(JsonNode page, long expected) {
        check(page.isArray() && page.size() == Math.min(PAGE_SIZE, expected), "REST page size " + page.size());
        String previous = null;
        for (JsonNode task : page) {
            check(REVIEWER_AGENCY.equals(task.path("tenantId").asText()), "foreign agency task in REST page");
            String created = task.path("created").asText();
            check(previous == null || previous.compareTo(created) >= 0, "REST page not newest first");
            previous = created;
        }
    }

    static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException("wrong task-list answer: " + problem);
        }
    }

    private static HttpRequest get(String url) {
        return request(url).GET().build();
    }

    private static HttpRequest.Builder post(String url, String body) {
        return request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder request(String url) {
        String auth = Base64.getEncoder().encodeToString((REVIEWER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + auth).header("Accept", "application/json");
    }

    private static String send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            check(response.statusCode() == 200, request.uri() + " -> " + response.statusCode() + " "
                    + response.body());
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    public static void main(String[] args) throws Exception {
        int openTasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int historic = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_ITERATIONS;
        check(TestDatabase.isPostgres(), "the benchmark needs PostgreSQL (see TestDatabase)");
        SpringApplication app = new SpringApplication(LawFlowApplication.class);
        app.setAdditionalProfiles("postgres", "demo");
        var settings = new java.util.ArrayList<>(List.of("--server.port=0", "--lawflow.demo.smtp-sink-port=0",
                "--spring.mail.port=" + org.lawflow.TestSmtp.port()));
        settings.addAll(List.of(args).subList(Math.min(3, args.length), args.length)); // e.g. --logging.level...
        int status = 1;
        try (ConfigurableApplicationContext lawflow = app.run(settings.toArray(new String[0]))) {
            Map<String, Object> figures = run(lawflow, openTasks, historic, iterations);
            figures.forEach((name, value) -> System.out.println(name + " = " + value));
            status = 0;
        } finally {
            if (!Boolean.getBoolean("lawflow.bench.keepDatabase")) {
                dropDatabase(TestDatabase.url());
            } else {
                System.out.println("database kept for EXPLAIN: " + TestDatabase.url());
            }
        }
        System.exit(status);
    }

    private static void dropDatabase(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        if (!name.startsWith("lawflow_test_")) {
            return; // an explicit LAWFLOW_TEST_DB_URL belongs to the caller
        }
        try (Connection c = DriverManager.getConnection(admin, "postgres", "")) {
            c.createStatement().execute("drop database if exists " + name + " with (force)");
        } catch (Exception e) {
            System.err.println("could not drop " + name + ": " + e.getMessage());
        }
    }
}
