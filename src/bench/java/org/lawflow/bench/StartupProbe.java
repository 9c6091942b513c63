package org.lawflow.bench;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.lawflow.ScratchDatabase;

/**
 * Startup and heap of LawFlow as a separate JVM (e): {@code java -Xmx512m} on the test classpath, profiles postgres +
 * demo, on the benchmark's LawFlow database (schema and data already there, as at a restart). Measures process start
 * → {@code /actuator/health} UP, Spring's own "Started ... in N seconds", and the child's peak heap from its GC log
 * (heap used before each collection, and the heap used at the end from /actuator/prometheus).
 */
final class StartupProbe {

    record Result(double secondsToHealthy, double springStartedSeconds, double peakHeapMb, boolean outOfMemory,
            String log) {
    }

    /** Start-up must finish within this time, or the run fails (the target is 20 s). */
    static final long TIMEOUT_MILLIS = 180_000;
    private static final Pattern STARTED = Pattern.compile("Started LawFlowApplication in ([0-9.]+) seconds");
    private static final Pattern GC_LINE = Pattern.compile("\\) (\\d+)M->(\\d+)M\\(\\d+M\\)");
    private static final Pattern HEAP_USED = Pattern.compile(
            "jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)");

    private StartupProbe() {
    }

    static Result run(ScratchDatabase db, int smtpPort, Map<String, String> passThrough) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        File log = new File("target/bench-startup.log");
        File gcLog = new File("target/bench-startup-gc.log");
        log.getParentFile().mkdirs();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Dfile.encoding=UTF-8",
                "-Xlog:gc:file=" + gcLog.getPath(), "-cp", System.getProperty("java.class.path"),
                "org.lawflow.LawFlowApplication"));
        command.addAll(LawFlowInProcess.arguments(db, smtpPort, port, passThrough));
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        try {
            double healthy = -1;
            long until = System.currentTimeMillis() + TIMEOUT_MILLIS;
            while (healthy < 0 && System.currentTimeMillis() < until) {
                if (!app.isAlive()) {
                    throw new IllegalStateException("LawFlow child JVM died during start, see " + log);
                }
                try {
                    var health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"")) {
                        healthy = (System.nanoTime() - start) / 1e9;
                    }
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
                if (healthy < 0) {
                    Thread.sleep(100);
                }
            }
            if (healthy < 0) {
                throw new IllegalStateException("LawFlow child JVM not healthy within " + TIMEOUT_MILLIS + " ms");
            }
            double heapNowMb = 0;
            var metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            var used = HEAP_USED.matcher(metrics.body());
            while (used.find()) {
                heapNowMb += Double.parseDouble(used.group(1)) / (1024 * 1024);
            }
            app.destroy();
            app.waitFor();
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            var started = STARTED.matcher(output);
            double springSeconds = started.find() ? Double.parseDouble(started.group(1)) : -1;
            double peak = heapNowMb;
            if (gcLog.exists()) {
                var gc = GC_LINE.matcher(Files.readString(gcLog.toPath()));
                while (gc.find()) {
                    peak = Math.max(peak, Double.parseDouble(gc.group(1)));
                }
            }
            return new Result(healthy, springSeconds, peak, output.contains("OutOfMemoryError"), log.getPath());
        } finally {
            if (app.isAlive()) {
                app.destroyForcibly().waitFor();
            }
        }
    }
}
