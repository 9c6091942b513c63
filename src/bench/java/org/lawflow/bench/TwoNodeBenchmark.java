package org.lawflow.bench;

import static org.lawflow.LawFlowNode.count;

import java.io.File;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.lawflow.LawFlowNode;
import org.lawflow.ScratchDatabase;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Scaling out on one PostgreSQL: the same load on one LawFlow node, then on two nodes (separate JVMs on loopback,
 * 512 MB heap each, job executors on, one shared database, requests spread over both nodes without stickiness).
 * <p>
 * A flow here is the front half of a major-decision review driven over REST by concurrent clients: register the case,
 * approve 立案, start the review, submit the proposed decision; then the async jobs render the 违法行为通知书 (PDF)
 * and mail it to the party (GreenMail in this JVM). A flow counts when it waits at 记录通知书送达 with its document and
 * mail recorded. Prints a table and writes target/two-node-benchmark.json.
 * <p>
 * Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.lawflow.bench.TwoNodeBenchmark -Dexec.args="60 6"}
 * (flows per phase, concurrent clients). Needs PostgreSQL at 127.0.0.1:5432 (env LAWFLOW_TEST_PG to change).
 */
public final class TwoNodeBenchmark {

    private TwoNodeBenchmark() {
    }

    record Phase(String name, int flows, double seconds, double flowsPerSecond, double requestP50Ms,
            double requestP95Ms, Map<String, Integer> jobsByNode) {
    }

    public static void main(String[] args) throws Exception {
        int flows = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        // GreenMail logs every new mailbox at INFO: keep the table readable
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ScratchDatabase db = ScratchDatabase.create("lawflow_bench_cluster");
        String dbUrl = db.url();
        int smtpPort = LawFlowNode.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java",
                System.getProperty("java.version"), "heapPerNode", "512m", "database", "PostgreSQL " + db.server()));
        result.put("flowsPerPhase", flows);
        result.put("clients", clients);
        try (LawFlowNode a = LawFlowNode.start("node-a", dbUrl, smtpPort, List.of())) {
            result.put("startupNodeAMs", a.startupMillis());
            warmUp(a, dbUrl);
            Phase one = run("1 node", List.of(a), flows, clients, 0, dbUrl);
            try (LawFlowNode b = LawFlowNode.start("node-b", dbUrl, smtpPort, List.of())) {
                result.put("startupNodeBMs", b.startupMillis());
                warmUp(b, dbUrl);
                Phase two = run("2 nodes", List.of(a, b), flows, clients, flows + 10, dbUrl);
                result.put("phases", List.of(one, two));
                result.put("speedup", two.flowsPerSecond() / one.flowsPerSecond());
                int mails = smtp.getReceivedMessages().length;
                long distinct = java.util.Arrays.stream(smtp.getReceivedMessages()).map(m -> {
                    try {
                        return m.getMessageID();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).distinct().count();
                result.put("mailsReceived", mails);
                result.put("distinctMessageIds", distinct);
                result.put("incidents", count(dbUrl, "select count(*) from act_ru_incident"));
                print(one, two, result);
            }
        } finally {
            smtp.stop();
            db.drop();
        }
        File json = new File("target/two-node-benchmark.json");
        json.getParentFile().mkdirs();
        Files.writeString(json.toPath(), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(result));
        System.out.println("JSON: " + json.getPath());
        System.exit(0);
    }

    /** A few flows so that templates, fonts and JIT are warm on the node before anything is timed. */
    static void warmUp(LawFlowNode node, String dbUrl) throws Exception {
        int before = waiting(dbUrl);
        for (int i = 0; i < 4; i++) {
            var c = node.caseInReview(900 + i);
            node.complete("zhangwei", c.get("caseNo"), Map.of("proposalConfirmed", true));
        }
        awaitWaiting(dbUrl, before + 4);
    }

    static Phase run(String name, List<LawFlowNode> nodes, int flows, int clients, int offset, String dbUrl)
            throws Exception {
        int before = waiting(dbUrl);
        var latencies = new ConcurrentLinkedQueue<Double>();
        var next = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(clients);
        java.sql.Timestamp phaseStart = new java.sql.Timestamp(System.currentTimeMillis());
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < flows; i = next.getAndIncrement()) {
                    // no stickiness: each request of a flow may go to another node
                    LawFlowNode register = nodes.get(i % nodes.size());
                    LawFlowNode submit = nodes.get((i + 1) % nodes.size());
                    long t0 = System.nanoTime();
                    var c = register.caseInReview(offset + i);
                    long t1 = System.nanoTime();
                    submit.complete("zhangwei", c.get("caseNo"), Map.of("proposalConfirmed", true));
                    long t2 = System.nanoTime();
                    latencies.add((t1 - t0) / 4e6); // four requests: register, find task, approve, start review
                    latencies.add((t2 - t1) / 2e6); // two requests: find task, complete
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get(30, TimeUnit.MINUTES);
        }
        pool.shutdown();
        awaitWaiting(dbUrl, before + flows);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Integer> jobsByNode = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
                var st = c.prepareStatement("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 "
                        + "and timestamp_ >= ? group by hostname_ order by hostname_")) {
            st.setTimestamp(1, phaseStart);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    jobsByNode.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Phase(name, flows, seconds, flows / seconds, percentile(sorted, 0.50), percentile(sorted, 0.95),
                jobsByNode);
    }

    static int waiting(String dbUrl) throws Exception {
        return count(dbUrl, "select count(*) from act_ru_task where task_def_key_ = 'Task_RecordNoticeDelivery'");
    }

    static void awaitWaiting(String dbUrl, int expected) throws Exception {
        long until = System.currentTimeMillis() + 600_000;
        while (waiting(dbUrl) < expected) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("flows did not reach 记录通知书送达: " + waiting(dbUrl) + "/" + expected);
            }
            if (count(dbUrl, "select count(*) from act_ru_incident") > 0) {
                throw new IllegalStateException("an incident occurred, see target/lawflow-node-*.log");
            }
            Thread.sleep(100);
        }
    }

    static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    static void print(Phase one, Phase two, Map<String, Object> result) {
        System.out.println();
        System.out.printf("%-9s %6s %9s %9s %16s %16s  %s%n", "phase", "flows", "seconds", "flows/s",
                "request p50 ms", "request p95 ms", "successful jobs by node");
        for (Phase p : List.of(one, two)) {
            System.out.printf("%-9s %6d %9.1f %9.2f %16.1f %16.1f  %s%n", p.name(), p.flows(), p.seconds(),
                    p.flowsPerSecond(), p.requestP50Ms(), p.requestP95Ms(), p.jobsByNode());
        }
        System.out.printf("speed-up 2 nodes / 1 node: %.2f; startup node-a %d ms, node-b %d ms; mails %s (distinct "
                + "Message-IDs %s), incidents %s%n", result.get("speedup"), result.get("startupNodeAMs"),
                result.get("startupNodeBMs"), result.get("mailsReceived"), result.get("distinctMessageIds"),
                result.get("incidents"));
    }
}
