package org.lawflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this JVM's Java threads, read per thread ({@code ThreadMXBean}), so a phase's JVM CPU can be split by
 * who spent it: the simulated users' engine calls, the job executor's async jobs, the HTTP server and client, the SMTP
 * sink. What the JVM spent outside its Java threads (GC, JIT compiler, VM threads) and in threads that ended during
 * the phase is the rest of the JVM figure ({@link CpuMeter}). The users' threads end with their phase, before it is
 * read, so they measure their own CPU ({@link SimulatedUsers}) and are left out here.
 */
record ThreadCpu(Map<Long, Sample> threads) {

    /**
     * Who a thread works for, from its name. The bare engine's job executor runs in a JDK pool ({@code pool-N-thread-M})
     * and LawFlow's in Spring's {@code camundaTaskExecutor-N}; the simulated users' pool is named, so {@code pool-}
     * names are the bare engine's jobs only.
     */
    enum Group {
        USERS("users' engine calls"), JOB_EXECUTOR("job executor"), WEB("HTTP server + client"),
        SMTP_SINK("SMTP sink"), OTHER("other Java threads");

        final String label;

        Group(String label) {
            this.label = label;
        }

        static Group of(String threadName) {
            if (threadName.startsWith(SimulatedUsers.THREAD_PREFIX)) {
                return USERS;
            }
            if (threadName.startsWith("camundaTaskExecutor") || threadName.startsWith("pool-")
                    || threadName.startsWith("JobExecutor")) {
                return JOB_EXECUTOR;
            }
            if (threadName.startsWith("http-nio") || threadName.startsWith("HttpClient")) {
                return WEB;
            }
            if (threadName.toLowerCase(java.util.Locale.ROOT).contains("smtp")) {
                return SMTP_SINK;
            }
            return OTHER;
        }
    }

    record Sample(String name, long cpuNanos) {
    }

    static ThreadCpu now() {
        var bean = ManagementFactory.getThreadMXBean();
        Map<Long, Sample> threads = new HashMap<>();
        if (!bean.isThreadCpuTimeSupported()) {
            return new ThreadCpu(threads);
        }
        for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
            if (info == null) {
                continue; // ended meanwhile
            }
            long nanos = bean.getThreadCpuTime(info.getThreadId());
            if (nanos >= 0) {
                threads.put(info.getThreadId(), new Sample(info.getThreadName(), nanos));
            }
        }
        return new ThreadCpu(threads);
    }

    /**
     * CPU seconds per group from this reading to {@code end}, counting threads started in between from zero; the
     * users' group is {@code usersSeconds}, which their threads measured themselves.
     */
    Map<Group, Double> secondsUntil(ThreadCpu end, double usersSeconds) {
        Map<Group, Double> seconds = new LinkedHashMap<>();
        for (Group g : Group.values()) {
            seconds.put(g, 0.0);
        }
        seconds.put(Group.USERS, usersSeconds);
        spentUntil(end).forEach((name, s) -> seconds.merge(Group.of(name), s, Double::sum));
        return seconds;
    }

    /**
     * The same per thread name with its numbers replaced by {@code #} (e.g. {@code camundaTaskExecutor-#}): to see
     * what a group holds, or which threads the classification calls "other".
     */
    Map<String, Double> secondsByNameUntil(ThreadCpu end) {
        Map<String, Double> seconds = new TreeMap<>();
        spentUntil(end).forEach((name, s) -> seconds.merge(name.replaceAll("\\d+", "#"), s, Double::sum));
        return seconds;
    }

    /** CPU seconds of each thread alive at {@code end} (by its name then), the users' threads left out. */
    private Map<String, Double> spentUntil(ThreadCpu end) {
        Map<String, Double> spent = new HashMap<>();
        end.threads.forEach((id, sample) -> {
            if (Group.of(sample.name) != Group.USERS) {
                Sample before = threads.get(id);
                long from = before != null ? before.cpuNanos : 0; // thread ids are never reused; names may change
                spent.merge(sample.name, Math.max(0, sample.cpuNanos - from) / 1e9, Double::sum);
            }
        });
        return spent;
    }
}
