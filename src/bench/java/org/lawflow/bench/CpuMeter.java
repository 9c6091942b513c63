package org.lawflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent during a phase: by this JVM (LawFlow or the bare engine, the simulated users and the SMTP sink) and
 * by the whole machine (the same plus PostgreSQL, which runs here too). Divided by the flows it gives the CPU cost
 * of one flow, which the closed-loop flow rate alone does not show. The machine figure comes from /proc/stat
 * (Linux); elsewhere it is NaN.
 */
record CpuMeter(long jvmNanos, double machineSeconds, double jitSeconds, long gcMillis, ThreadCpu threads) {

    /** USER_HZ: the unit of /proc/stat on Linux (100 on every common kernel). */
    private static final double TICKS_PER_SECOND = 100.0;

    static CpuMeter now() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long jvm = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
        return new CpuMeter(jvm, machineBusySeconds(), compilerThreadsCpuSeconds(), gc, ThreadCpu.now());
    }

    /**
     * What was used from this reading to {@code end}: {JVM CPU s, machine CPU s, JIT compiler threads' CPU s,
     * GC s}. The JIT figure (part of the JVM figure) shows whether a phase still paid for compiling code it runs for
     * the first time, i.e. whether the warm-up was long enough; the GC figure is the collectors' time (pauses of G1's
     * young and mixed collections).
     */
    double[] secondsUntil(CpuMeter end) {
        return new double[] {(end.jvmNanos - jvmNanos) / 1e9, end.machineSeconds - machineSeconds,
                Math.max(0, end.jitSeconds - jitSeconds), (end.gcMillis - gcMillis) / 1e3};
    }

    /**
     * CPU time of the JIT compiler threads (C1, C2) from /proc/self/task (Linux), NaN elsewhere. The JVM's own
     * compilation-time counter sums elapsed compile time, which on two busy cores is mostly time spent waiting for a
     * core. A compiler thread that the JVM retired in between drops out of the sum (HotSpot starts and stops
     * them as the compile queue grows and shrinks), so the figure may read slightly low.
     */
    private static double compilerThreadsCpuSeconds() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            long ticks = tasks.mapToLong(CpuMeter::compilerThreadTicks).sum();
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long compilerThreadTicks(Path task) {
        try {
            String comm = Files.readString(task.resolve("comm")).trim();
            if (!comm.startsWith("C1 CompilerThre") && !comm.startsWith("C2 CompilerThre")) {
                return 0;
            }
            // pid (comm) state ppid ... : utime and stime are the 14th and 15th fields, counted past the comm
            String stat = Files.readString(task.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended while being read
        }
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
