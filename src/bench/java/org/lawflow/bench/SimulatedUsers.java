package org.lawflow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;

/**
 * Concurrent simulated users, each driving complete flows one after the other. A <b>flow</b> is: register a case
 * (xining, citizen, fine 3,000 yuan, major public interest, so legal review and filing are required), 立案 approved
 * by the agency head, major-decision-review started, then as a user would in Tasklist: 提交拟处罚决定 → (违法行为通知书
 * rendered and mailed by async jobs) 记录通知书送达 → 记录陈述申辩 (waived; no hearing rights at this amount) → 法制审核
 * by the legal reviewer (approve) → 负责人决定 (penalty) → (决定书 rendered) 记录决定书送达 → 确认公示 → the async jobs
 * of the filing sub-process (备案报告, 备案表, 备案材料包, mail to the superior department and the justice bureau) and of
 * the publication record run → the process instance has ended at 处罚决定已作出. The review and filing deadline timers
 * (days ahead) are created and cancelled on the way, never fired. A flow counts only when its review instance ended
 * at End_Decided with no failed job; a failure is recorded with its cause, never counted.
 * <p>
 * A user waits for their next task until {@link TaskSignals} says that a task was created or a process ended for
 * their case, then looks at the task list (a person does not see the task before the jobs that
 * precede it are done).
 */
final class SimulatedUsers {

    /**
     * How long a waiting user waits for a {@link TaskSignals signal} before looking at the task list anyway (a
     * fallback; normally the signal comes first). Until 2026-11-23 the users looked every 20 ms without signals:
     * with 16 users that was 800 queries a second, and the side whose flows wait longer for async jobs paid more
     * for the waiting itself (BENCHMARKS.md). {@code -Dbench.jvm=-Dlawflow.bench.pollMillis=...} changes it.
     */
    static final long POLL_MILLIS = Long.getLong("lawflow.bench.pollMillis", 250);
    /** A flow that takes longer has hung (a failed job waits 5 minutes for its retry): counted as failed. */
    static final long FLOW_TIMEOUT_MILLIS = 180_000;
    /** Failed jobs (which signal nothing) are looked for every 8th look, at least every 2 s of waiting. */
    static final int FAILED_JOB_CHECK_EVERY = 8;

    private static final LongAdder POLLS = new LongAdder();
    /** The users' threads are named, so their CPU can be told apart ({@link ThreadCpu}). */
    static final String THREAD_PREFIX = "bench-user-";
    private static final AtomicInteger THREADS = new AtomicInteger();

    static final String REVIEW = "major-decision-review";
    static final String OFFICER = "zhangwei";
    static final String REVIEWER = "wangfang";
    static final String HEAD = "zhaomin";
    private static final Map<String, Authentication> AUTHENTICATIONS = Map.of(
            OFFICER, new Authentication(OFFICER, List.of("officer"), List.of("xining")),
            REVIEWER, new Authentication(REVIEWER, List.of("legal-reviewer"), List.of("xining")),
            HEAD, new Authentication(HEAD, List.of("agency-head"), List.of("xining")));

    record Step(String taskKey, String user, Map<String, Object> variables) {
    }

    /** The tasks of one flow after the review started, in order; the same for LawFlow and the baseline. */
    static final List<Step> REVIEW_STEPS = List.of(
            new Step("Task_SubmitProposedDecision", OFFICER, Map.of("proposalConfirmed", true)),
            new Step("Task_RecordNoticeDelivery", OFFICER, Map.of("noticeDeliveredOn", today(),
                    "deliveryMethod", "DIRECT")),
            new Step("Task_RecordStatement", OFFICER, Map.of("partyStated", false, "statementWaived", true,
                    "opinion", "当事人书面放弃陈述申辩")),
            new Step("Task_ReviewLegality", REVIEWER, Map.ofEntries(Map.entry("checkSubject", true),
                    Map.entry("checkAuthority", true), Map.entry("checkProcedure", true),
                    Map.entry("checkFacts", true), Map.entry("checkLawApplied", true),
                    Map.entry("checkDiscretion", true), Map.entry("checkDocuments", true),
                    Map.entry("suspectedCrime", false), Map.entry("reviewOpinion", "APPROVE"),
                    Map.entry("reviewReasons", "事实清楚，证据确凿，适用法律正确，程序合法。"))),
            new Step("Task_HeadDecision", HEAD, Map.of("headDecision", "PENALTY",
                    "decisionOpinion", "同意法制审核意见，给予罚款三千元的行政处罚。")),
            new Step("Task_RecordDecisionService", OFFICER, Map.of("servedOn", today(),
                    "serviceMethod", "DIRECT")),
            new Step("Task_ConfirmPublication", OFFICER, Map.of("publicationText", "")));

    /** Service happens on the day it is recorded: never before the document, never in the future (送达 checks). */
    private static String today() {
        return org.lawflow.system.ChinaTime.today().toString();
    }

    static final Step FILING_APPROVAL = new Step("Task_ApproveCaseFiling", HEAD,
            Map.of("filingDecision", "approve", "filingOpinion", "同意立案"));

    record Result(int started, List<FlowTarget.FlowCase> completed, List<String> failures, double seconds,
            List<Double> flowMillis, long taskPolls, double jvmCpuSeconds, double machineCpuSeconds,
            double jitSeconds, double gcSeconds, Map<ThreadCpu.Group, Double> threadCpuSeconds,
            Map<String, Double> threadNameCpuSeconds) {
        double flowsPerSecond() {
            return completed.isEmpty() ? 0 : completed.size() / seconds; // --warm-up=0 runs no round at all
        }

        /** Task-list and end-of-flow queries per completed flow: how often the users looked. */
        double pollsPerFlow() {
            return (double) taskPolls / Math.max(1, completed.size());
        }

        double jvmCpuMillisPerFlow() {
            return 1000 * jvmCpuSeconds / Math.max(1, completed.size());
        }

        double machineCpuMillisPerFlow() {
            return 1000 * machineCpuSeconds / Math.max(1, completed.size());
        }

        double jitMillisPerFlow() {
            return 1000 * jitSeconds / Math.max(1, completed.size());
        }

        double gcMillisPerFlow() {
            return 1000 * gcSeconds / Math.max(1, completed.size());
        }

        double threadCpuMillisPerFlow(ThreadCpu.Group group) {
            return 1000 * threadCpuSeconds.getOrDefault(group, 0.0) / Math.max(1, completed.size());
        }

        /** JVM CPU outside the Java threads measured: GC, JIT compiler, VM threads, and threads that ended. */
        double notInJavaThreadsMillisPerFlow() {
            double inThreads = threadCpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
            return 1000 * (jvmCpuSeconds - inThreads) / Math.max(1, completed.size());
        }

        /** Consecutive runs taken as one (the warm-up's rounds). */
        static Result combined(List<Result> runs) {
            List<FlowTarget.FlowCase> completed = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            List<Double> millis = new ArrayList<>();
            int started = 0;
            long polls = 0;
            double seconds = 0, jvm = 0, machine = 0, jit = 0, gc = 0;
            Map<ThreadCpu.Group, Double> groups = new java.util.LinkedHashMap<>();
            Map<String, Double> names = new java.util.LinkedHashMap<>();
            for (Result r : runs) {
                r.threadCpuSeconds.forEach((k, v) -> groups.merge(k, v, Double::sum));
                r.threadNameCpuSeconds.forEach((k, v) -> names.merge(k, v, Double::sum));
                started += r.started;
                completed.addAll(r.completed);
                failures.addAll(r.failures);
                millis.addAll(r.flowMillis);
                polls += r.taskPolls;
                seconds += r.seconds;
                jvm += r.jvmCpuSeconds;
                machine += r.machineCpuSeconds;
                jit += r.jitSeconds;
                gc += r.gcSeconds;
            }
            Collections.sort(millis);
            return new Result(started, List.copyOf(completed), List.copyOf(failures), seconds, List.copyOf(millis),
                    polls, jvm, machine, jit, gc, groups, names);
        }
    }

    private SimulatedUsers() {
    }

    static Result drive(FlowTarget target, int flows, int users) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(users,
                r -> new Thread(r, THREAD_PREFIX + THREADS.incrementAndGet()));
        var next = new AtomicInteger();
        var completed = new ConcurrentLinkedQueue<FlowTarget.FlowCase>();
        var failures = new ConcurrentLinkedQueue<String>();
        var millis = new ConcurrentLinkedQueue<Double>();
        var usersCpuNanos = new LongAdder();
        long pollsBefore = POLLS.sum();
        var cpu = CpuMeter.now();
        long start = System.nanoTime();
        for (int u = 0; u < users; u++) {
            pool.submit(() -> {
                var threadBean = java.lang.management.ManagementFactory.getThreadMXBean();
                long cpuBefore = threadBean.getCurrentThreadCpuTime();
                for (int i; (i = next.getAndIncrement()) < flows; ) {
                    long t = System.nanoTime();
                    try {
                        completed.add(oneFlow(target, i));
                        millis.add((System.nanoTime() - t) / 1e6);
                    } catch (Throwable e) {
                        failures.add("flow " + i + ": " + e);
                        if (e instanceof OutOfMemoryError oom) {
                            HeapWatch.recordOutOfMemory(oom);
                        }
                    } finally {
                        target.engine().getIdentityService().clearAuthentication();
                    }
                }
                usersCpuNanos.add(threadBean.getCurrentThreadCpuTime() - cpuBefore);
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(flows * FLOW_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            failures.add("driver did not finish");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var cpuEnd = CpuMeter.now();
        double[] cpuSeconds = cpu.secondsUntil(cpuEnd);
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Result(flows, List.copyOf(completed), List.copyOf(failures), seconds, sorted,
                POLLS.sum() - pollsBefore, cpuSeconds[0], cpuSeconds[1], cpuSeconds[2], cpuSeconds[3],
                cpu.threads().secondsUntil(cpuEnd.threads(), usersCpuNanos.sum() / 1e9),
                cpu.threads().secondsByNameUntil(cpuEnd.threads()));
    }

    private static FlowTarget.FlowCase oneFlow(FlowTarget target, int i) throws Exception {
        ProcessEngine engine = target.engine();
        long deadline = System.currentTimeMillis() + FLOW_TIMEOUT_MILLIS;
        var c = target.register(i);
        complete(engine, c.caseNo(), FILING_APPROVAL, deadline);
        target.startReview(c);
        for (Step step : REVIEW_STEPS) {
            complete(engine, c.caseNo(), step, deadline);
        }
        awaitEnd(engine, c.caseNo(), deadline);
        return c;
    }

    /** Waits for the task like a user refreshing the task list, claims it if needed and completes it. */
    private static void complete(ProcessEngine engine, String caseNo, Step step, long deadline) throws Exception {
        var identity = engine.getIdentityService();
        var tasks = engine.getTaskService();
        identity.setAuthentication(AUTHENTICATIONS.get(step.user()));
        try {
            Task task = await(engine, caseNo, step.taskKey(), deadline, () -> tasks.createTaskQuery()
                    .processInstanceBusinessKey(caseNo).taskDefinitionKey(step.taskKey()).singleResult());
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), step.user());
            }
            tasks.complete(task.getId(), step.variables());
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Waits for the review to end. The 执行与结案 instance it starts after 记录决定书送达 (LawFlow only: the baseline's
     * start step is a no-op) waits for the payment, weeks later in real life, and is left running.
     */
    private static void awaitEnd(ProcessEngine engine, String caseNo, long deadline) throws Exception {
        var runtime = engine.getRuntimeService();
        await(engine, caseNo, "end", deadline, () -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNo).processDefinitionKey(REVIEW).count() == 0 ? true : null);
        TaskSignals.forget(caseNo);
        long decided = engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(engine.getHistoryService().createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(caseNo).processDefinitionKey(REVIEW)
                        .singleResult().getId())
                .activityId("End_Decided").count();
        if (decided != 1) {
            throw new IllegalStateException(caseNo + ": ended, but not at End_Decided");
        }
    }

    /**
     * Looks (a counted query) until {@code look} gives something, waiting for the case's {@link TaskSignals signal}
     * between looks; fails on a broken job or at the deadline.
     */
    private static <T> T await(ProcessEngine engine, String caseNo, String waitingFor, long deadline,
            Supplier<T> look) throws InterruptedException {
        var signal = TaskSignals.of(caseNo);
        for (int poll = 1; ; poll++) {
            long seen = signal.version();
            POLLS.increment();
            T found = look.get();
            if (found != null) {
                return found;
            }
            if (poll % FAILED_JOB_CHECK_EVERY == 0) {
                failOnBrokenJob(engine, caseNo, waitingFor);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(caseNo + ": " + waitingFor + " never came");
            }
            signal.awaitChange(seen, POLL_MILLIS);
        }
    }

    /** A failed job retries minutes later: the flow is broken for the benchmark, with the job's exception. */
    private static void failOnBrokenJob(ProcessEngine engine, String caseNo, String waitingFor) {
        var management = engine.getManagementService();
        for (var pi : engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .list()) {
            var failed = management.createJobQuery().processInstanceId(pi.getId()).withException().list();
            if (!failed.isEmpty()) {
                throw new IllegalStateException(caseNo + " waiting for " + waitingFor + ": job failed: "
                        + failed.get(0).getExceptionMessage());
            }
        }
    }
}
