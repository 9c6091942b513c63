package org.lawflow.bench;

import java.util.Arrays;
import java.util.Map;

/** Wall-clock latencies of one repeated call, after un-timed warm-up rounds; percentiles by nearest rank. */
record Latency(double[] sortedMillis) {

    static Latency measure(int iterations, Runnable call) {
        return measure(iterations, Math.min(TaskQueryBenchmark.WARM_UP, Math.max(2, iterations / 4)), call);
    }

    static Latency measure(int iterations, int warmUp, Runnable call) {
        for (int i = 0; i < warmUp; i++) {
            call.run();
        }
        double[] millis = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Latency(millis);
    }

    double percentile(int p) {
        int index = (int) Math.ceil(p / 100.0 * sortedMillis.length) - 1;
        return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, index))];
    }

    double max() {
        return sortedMillis[sortedMillis.length - 1];
    }

    /** Adds {@code <name>P50Ms}, {@code P95Ms} and {@code MaxMs}. */
    void putInto(Map<String, Object> figures, String name) {
        figures.put(name + "P50Ms", TaskQueryBenchmark.round(percentile(50)));
        figures.put(name + "P95Ms", TaskQueryBenchmark.round(percentile(95)));
        figures.put(name + "MaxMs", TaskQueryBenchmark.round(max()));
    }
}
