package org.lawflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's command line. Own options are {@code --name=value}; every {@code --spring.*}, {@code --camunda.*},
 * {@code --server.*}, {@code --management.*} and {@code --lawflow.*} argument is passed to LawFlow unchanged (and the
 * engine settings among them to the baseline as well), so one tuning change is measured with the same command.
 * Arguments may also arrive as one whitespace-separated string (Maven's {@code -Dbench.args="..."}).
 */
record BenchOptions(String server, String user, int flows, int users, int warmUp, int openTasks, int historicRows,
        int packageRuns, boolean quick, boolean keepDatabase, boolean startup, boolean flowsAtScale, String out,
        Map<String, String> appArgs) {

    /**
     * Measured flows per side. 48 left the baseline's part at about 8 s, and its rate varied by a fifth from run to
     * run; 96 (about 15 s baseline, 40 s LawFlow on the quiet 2-core machine) halves that.
     */
    static final int DEFAULT_FLOWS = 96;
    /**
     * Flows each side runs before it is measured. Until 2026-12-02 it was one per user (8): LawFlow's part was then
     * still compiling its code for the first time (openhtmltopdf, PDFBox, Spring MVC, Thymeleaf: far more code than
     * the bare engine runs), and that compilation was charged to its flows: LawFlow's JVM CPU per flow fell from
     * about 460 ms after 8 warm-up flows to about 340 after 96 and 300 after 300, the bare engine's from about 130 to
     * 89 and 88 (BENCHMARKS.md, third round). Both sides still compile for about 2,500 flows (seventh round:
     * settled, both are cheaper and the ratio is no better); 96 keeps the default run at about 5 minutes in 512 MB.
     */
    static final int DEFAULT_WARM_UP = 96;
    /** Concurrent simulated users; the example figure. */
    static final int DEFAULT_USERS = 8;
    /** The figures for the task-list query: a reviewer with 10,000 open tasks, a large history. */
    static final int DEFAULT_OPEN_TASKS = 10_000;
    static final int DEFAULT_HISTORIC_ROWS = 1_000_000;
    /** Enough samples for a stable p95 of the package time (5 samples above it). */
    static final int DEFAULT_PACKAGE_RUNS = 100;

    private static final List<String> APP_PREFIXES = List.of("spring.", "camunda.", "server.", "management.",
            "lawflow.", "logging.");

    static BenchOptions parse(String... rawArgs) {
        List<String> args = new ArrayList<>();
        for (String raw : rawArgs) {
            for (String part : raw.trim().split("\\s+")) {
                if (!part.isBlank()) {
                    args.add(part);
                }
            }
        }
        Map<String, String> own = new LinkedHashMap<>();
        Map<String, String> app = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + arg + " (expected --name=value)");
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            String value = eq < 0 ? "true" : body.substring(eq + 1);
            if (APP_PREFIXES.stream().anyMatch(name::startsWith)) {
                app.put(name, value); // the last one wins, as a user expects from repeated options
            } else {
                own.put(name, value);
            }
        }
        boolean quick = Boolean.parseBoolean(own.getOrDefault("quick", "false"));
        // quick: a check that everything works (about 1 minute), not figures to compare
        int flows = intOption(own, "flows", quick ? 16 : DEFAULT_FLOWS);
        int users = intOption(own, "users", quick ? 4 : DEFAULT_USERS);
        int warmUp = intOption(own, "warm-up", quick ? Math.min(users, flows) : DEFAULT_WARM_UP);
        int openTasks = intOption(own, "open-tasks", quick ? 500 : DEFAULT_OPEN_TASKS);
        int historic = intOption(own, "historic-rows", quick ? 10_000 : DEFAULT_HISTORIC_ROWS);
        int packageRuns = intOption(own, "package-runs", quick ? 20 : DEFAULT_PACKAGE_RUNS);
        var known = List.of("quick", "flows", "users", "warm-up", "open-tasks", "historic-rows", "package-runs", "server",
                "db-user", "keep-db", "startup", "flows-at-scale", "out");
        own.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("unknown option --" + k + "; known: " + known
                    + " and pass-through --spring.*, --camunda.*, --server.*, --management.*, --lawflow.*");
        });
        return new BenchOptions(own.getOrDefault("server", System.getProperty("bench.server", "127.0.0.1:5432")),
                own.getOrDefault("db-user", "postgres"), flows, users, warmUp, openTasks, historic, packageRuns, quick,
                Boolean.parseBoolean(own.getOrDefault("keep-db", "false")),
                Boolean.parseBoolean(own.getOrDefault("startup", "true")),
                Boolean.parseBoolean(own.getOrDefault("flows-at-scale", "false")),
                own.getOrDefault("out", "target/benchmark.json"), app);
    }

    private static int intOption(Map<String, String> own, String name, int fallback) {
        String value = own.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
