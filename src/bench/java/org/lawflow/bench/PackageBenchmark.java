package org.lawflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.lawflow.documents.BenchmarkSupport;

/**
 * Package generation benchmark: a filing package of 3 PDFs (备案报告, 行政处罚决定书, 备案表) plus manifest.json.
 * Run: {@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.lawflow.bench.PackageBenchmark}
 * (optional args: iterations threads). Prints median/p95 latency after warm-up and the throughput with N threads.
 */
public final class PackageBenchmark {

    private PackageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        int size = BenchmarkSupport.buildFilingPackage();
        System.out.printf("first package (cold, font load + template parse): %.0f ms, %d bytes%n",
                (System.nanoTime() - start) / 1e6, size);
        for (int i = 0; i < 30; i++) {
            BenchmarkSupport.buildFilingPackage();
        }
        List<Double> millis = new ArrayList<>();
        // CPU time of this thread: steadier than wall time for comparing two renderings on a busy 2-core host
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            BenchmarkSupport.buildFilingPackage();
            millis.add((System.nanoTime() - t) / 1e6);
        }
        double cpuPerPackage = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e6 / iterations;
        Collections.sort(millis);
        System.out.printf("3-document package, 1 thread, %d runs after warm-up: median %.1f ms, p95 %.1f ms, max %.1f ms"
                + ", rendering thread CPU %.1f ms per package%n", iterations, percentile(millis, 50),
                percentile(millis, 95), millis.get(millis.size() - 1), cpuPerPackage);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> warm = new ArrayList<>();
            for (int i = 0; i < threads * 5; i++) {
                warm.add(pool.submit(BenchmarkSupport::buildFilingPackage));
            }
            for (Future<?> f : warm) {
                f.get();
            }
            int total = Math.max(iterations, threads * 20);
            long t = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                runs.add(pool.submit(BenchmarkSupport::buildFilingPackage));
            }
            for (Future<?> f : runs) {
                f.get();
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("throughput, %d threads: %.1f packages/s (%d packages in %.1f s)%n", threads,
                    total / seconds, total, seconds);
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
