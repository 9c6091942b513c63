package org.lawflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL drops the application's connections while requests run (what a database restart or fail-over does
 * to the pool): every backend of the test database except our own is terminated again and again for a few seconds,
 * while three clients register cases, read a case and query tasks. During the fault each answer is a success or a
 * 503 problem detail (never a 500, never a stack trace); afterwards the pool reconnects and everything works; no
 * half-registered case is left (each 201 is one complete case, each failed registration left nothing).
 */
@LawFlowSpringTest
class DatabaseOutageTest {

    static final int KILL_ROUNDS = 16;

    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;

    record Answer(String call, int status, String contentType, String body) {
    }

    @Test
    void droppedConnectionsGive503OrSuccessAndTheAppReconnects() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "needs PostgreSQL (pg_terminate_backend)");
        var api = new ApiClient(rest);
        var created = api.post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(created.status()).isEqualTo(201);
        String caseId = created.json().get("id").asText();
        String caseNo = created.json().get("caseNo").asText();
        String marker = "断库测试" + System.nanoTime();
        // warm up the engine REST (Jersey starts on its first request) so the fault hits requests, not start-up
        assertThat(api.get("zhangwei", "/engine-rest/task?processInstanceBusinessKey=" + caseNo).status()).isEqualTo(200);

        AtomicBoolean faulting = new AtomicBoolean(true);
        AtomicInteger terminated = new AtomicInteger();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger registered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            pool.submit(() -> {
                try (Connection killer = DriverManager.getConnection(TestDatabase.url(), "postgres", "")) {
                    for (int i = 0; i < KILL_ROUNDS; i++) {
                        try (var rs = killer.createStatement().executeQuery("select count(pg_terminate_backend(pid)) "
                                + "from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")) {
                            rs.next();
                            terminated.addAndGet(rs.getInt(1));
                        }
                        Thread.sleep(250);
                    }
                } finally {
                    faulting.set(false);
                }
                return null;
            });
            List<java.util.concurrent.Future<?>> clients = new ArrayList<>();
            clients.add(pool.submit(() -> {
                while (faulting.get()) {
                    var body = ApiClient.citizenCase("liqiang");
                    body.put("facts", "2026年11月3日，当事人驾驶青A12345小型客车在西宁火车站载客收费。" + marker);
                    var r = api.post("zhangwei", "/api/cases", body);
                    if (r.status() == 201) {
                        registered.incrementAndGet();
                    }
                    answers.add(answer("POST /api/cases", r));
                }
                return null;
            }));
            clients.add(pool.submit(() -> {
                while (faulting.get()) {
                    answers.add(answer("GET /api/cases/{id}", api.get("zhangwei", "/api/cases/" + caseId)));
                }
                return null;
            }));
            clients.add(pool.submit(() -> {
                while (faulting.get()) {
                    answers.add(answer("GET /engine-rest/task", api.get("zhangwei",
                            "/engine-rest/task?processInstanceBusinessKey=" + caseNo)));
                }
                return null;
            }));
            for (var c : clients) {
                c.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Integer> tally = new TreeMap<>();
        answers.forEach(a -> tally.merge(a.call() + " → " + a.status(), 1, Integer::sum));
        System.out.println("DatabaseOutageTest: " + KILL_ROUNDS + " kill rounds, " + terminated + " connections terminated, "
                + answers.size() + " requests during the fault: " + tally);
        for (Answer a : answers) {
            assertThat(a.status()).as(a.toString()).isIn(200, 201, 503);
            assertThat(a.body()).as(a.toString()).doesNotContain("Exception", "\tat ", "SQL", "org.postgresql");
            if (a.status() == 503) {
                assertThat(a.contentType()).as(a.toString()).contains("json");
            }
        }

        // afterwards: reconnected, reads and writes work again
        long until = System.currentTimeMillis() + 15_000;
        ApiClient.Response read;
        do {
            read = api.get("zhangwei", "/api/cases/" + caseId);
        } while (read.status() != 200 && System.currentTimeMillis() < until);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(api.post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang")).status()).isEqualTo(201);
        assertThat(api.get("zhangwei", "/engine-rest/task?processInstanceBusinessKey=" + caseNo).status()).isEqualTo(200);

        // no partial registrations: as many cases as 201 answers, each with its filing flow
        int rows = jdbc.sql("select count(*) from enforcement_case where facts like ?").param("%" + marker)
                .query(Integer.class).single();
        // a write answered 503 may still have committed (the connection died after the commit, before the answer):
        // its outcome is unknown to the client, but the case is complete, never partial
        long failedWrites = answers.stream().filter(a -> a.call().startsWith("POST") && a.status() == 503).count();
        assertThat(rows).isBetween(registered.get(), registered.get() + (int) failedWrites);
        int flows = jdbc.sql("select count(*) from enforcement_case c join act_hi_procinst p on p.business_key_ = c.case_no "
                + "where c.facts like ?").param("%" + marker).query(Integer.class).single();
        assertThat(flows).as("each registered case has its filing flow").isEqualTo(rows);
        int officers = jdbc.sql("select count(distinct o.case_id) from case_officer o join enforcement_case c on c.id = o.case_id "
                + "where c.facts like ?").param("%" + marker).query(Integer.class).single();
        assertThat(officers).as("each registered case has its officers").isEqualTo(rows);
        System.out.println("DatabaseOutageTest: " + registered + " registrations answered 201, " + rows
                + " cases stored during the fault, all complete (case, officers, filing flow); reconnected afterwards");
    }

    private static Answer answer(String call, ApiClient.Response r) {
        String type = r.headers().getContentType() == null ? "" : r.headers().getContentType().toString();
        return new Answer(call, r.status(), type, r.body() == null ? "" : r.body());
    }
}
