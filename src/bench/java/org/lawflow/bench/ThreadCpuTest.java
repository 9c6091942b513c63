package org.lawflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    /** Where the busy loop leaves its result, so the JIT cannot drop the loop. */
    private static volatile long sink;

    @Test
    void threadsAreGroupedByWhoTheyWorkFor() {
        assertThat(ThreadCpu.Group.of("camundaTaskExecutor-3")).isEqualTo(ThreadCpu.Group.JOB_EXECUTOR);
        assertThat(ThreadCpu.Group.of("pool-4-thread-2")).isEqualTo(ThreadCpu.Group.JOB_EXECUTOR);
        assertThat(ThreadCpu.Group.of("http-nio-auto-1-exec-7")).isEqualTo(ThreadCpu.Group.WEB);
        assertThat(ThreadCpu.Group.of("HttpClient-1-Worker-0")).isEqualTo(ThreadCpu.Group.WEB);
        assertThat(ThreadCpu.Group.of("smtp:127.0.0.1:40123")).isEqualTo(ThreadCpu.Group.SMTP_SINK);
        assertThat(ThreadCpu.Group.of(SimulatedUsers.THREAD_PREFIX + "5")).isEqualTo(ThreadCpu.Group.USERS);
        assertThat(ThreadCpu.Group.of("heap-watch")).isEqualTo(ThreadCpu.Group.OTHER);
    }

    @Test
    void aThreadStartedAfterTheFirstReadingIsCountedFromZeroInItsGroup() throws Exception {
        var before = ThreadCpu.now();
        var spun = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var worker = new Thread(() -> {
            long until = System.nanoTime() + 80_000_000L;
            long sum = 0;
            while (System.nanoTime() < until) {
                sum += Long.numberOfTrailingZeros(sum + System.nanoTime());
            }
            sink = sum;
            spun.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "camundaTaskExecutor-99");
        worker.start();
        spun.await();
        var after = ThreadCpu.now();
        release.countDown();
        worker.join();

        var groups = before.secondsUntil(after, 0.25);
        // it spun for 80 ms of wall time; on a busy machine it may have had the core for less of it
        assertThat(groups.get(ThreadCpu.Group.JOB_EXECUTOR)).isGreaterThan(0.01);
        assertThat(groups.get(ThreadCpu.Group.USERS)).isEqualTo(0.25);
        assertThat(before.secondsByNameUntil(after)).containsKey("camundaTaskExecutor-#");
    }
}
