package org.lawflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent during a phase: by this JVM (LawFlow or the bare engine, the simulated users and the SMTP sink) and
 * by the whole machine (the same plus PostgreSQL, which runs here too). Divided by the flows it gives the CPU cost
 * of one flow, which the closed-loop flow rate alone does not show. The machine figure comes from /proc/stat
 * (Linux); elsewhere it is NaN.
 */
record CpuMeter(long jvmNanos, double machineSeconds, long jitMillis, long gcMillis) {

    /** USER_HZ: the unit of /proc/stat on Linux (100 on every common kernel). */
    private static final double TICKS_PER_SECOND = 100.0;

    static CpuMeter now() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long jvm = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        var jit = ManagementFactory.getCompilationMXBean();
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
        return new CpuMeter(jvm, machineBusySeconds(),
                jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0, gc);
    }

    /**
     * What was used since this reading: {JVM CPU s, machine CPU s, JIT compilation s, GC s}. The JIT figure (elapsed
     * compile time summed over the compiler threads, not CPU) shows whether a phase still paid for compiling code it runs for the first time,
     * i.e. whether the warm-up was long enough; the GC figure is the collectors' time (pauses of G1's young and
     * mixed collections).
     */
    double[] secondsSince() {
        CpuMeter end = now();
        return new double[] {(end.jvmNanos - jvmNanos) / 1e9, end.machineSeconds - machineSeconds,
                (end.jitMillis - jitMillis) / 1e3, (end.gcMillis - gcMillis) / 1e3};
    }

    private static double machineBusySeconds() {
        try {
            // cpu  user nice system idle iowait irq softirq steal ...
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
