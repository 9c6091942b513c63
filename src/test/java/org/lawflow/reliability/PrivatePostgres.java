package org.lawflow.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of the test's own (initdb into a fresh directory, its own port), so the test can stop and
 * start a real server without touching the shared one at 127.0.0.1:5432. The binaries are the newest under
 * /usr/lib/postgresql; initdb refuses root, so the cluster runs as the OS user postgres. {@link #close()} stops it
 * (immediate mode) and deletes the directory; a JVM shutdown hook does the same if the test run is aborted.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path dataDir;
    final int port;
    private final Thread cleanupAtExit = new Thread(this::destroy, "private-postgres-cleanup");

    private PrivatePostgres(Path bin, Path dataDir, int port) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** initdb + start; throws with the reason (binaries missing, initdb failed, ...) if that is not possible here. */
    static PrivatePostgres create() throws Exception {
        Path versions = Path.of("/usr/lib/postgresql");
        File[] dirs = versions.toFile().listFiles(f -> new File(f, "bin/initdb").canExecute());
        if (dirs == null || dirs.length == 0) {
            throw new IllegalStateException("no PostgreSQL server binaries under " + versions);
        }
        Path bin = Arrays.stream(dirs).max(Comparator.comparingInt(PrivatePostgres::version)).orElseThrow().toPath()
                .resolve("bin");
        Path dataDir = Files.createTempDirectory("lawflow-pg-");
        var pg = new PrivatePostgres(bin, dataDir, org.lawflow.LawFlowNode.freePort());
        Runtime.getRuntime().addShutdownHook(pg.cleanupAtExit);
        try {
            run(List.of("chown", "postgres:postgres", dataDir.toString()), false);
            run(pg.asPostgres(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), false);
            pg.start();
        } catch (Exception e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void start() throws Exception {
        run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", dataDir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k /tmp -c listen_addresses=127.0.0.1", "-w", "-t", "60", "start"), false);
    }

    /** A fast shutdown: open transactions are rolled back, client connections terminated (as a maintenance restart). */
    void stop() throws Exception {
        run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"),
                false);
    }

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupAtExit);
        } catch (IllegalStateException exiting) {
            // the hook is running already
        }
    }

    private void destroy() {
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w",
                        "stop"), true);
            }
        } catch (Exception ignored) {
            // not running
        }
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // gone already
        }
    }

    private List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        return full;
    }

    private static void run(List<String> command, boolean quiet) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            if (!quiet) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        }
    }

    private static int version(File dir) {
        try {
            return Integer.parseInt(dir.getName().replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
