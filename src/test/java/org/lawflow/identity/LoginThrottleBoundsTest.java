package org.lawflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a fake clock: bounded waits, refill, and no key shared by owner and stranger. */
class LoginThrottleBoundsTest {

    final AtomicLong now = new AtomicLong();
    final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Rate(5, Duration.ofSeconds(5)),
            new LoginThrottle.Rate(30, Duration.ofSeconds(1)), Duration.ofSeconds(60), now::get);

    @Test
    void aFloodOfFailuresNeverMeansMoreThanTheMaximumWait() {
        for (int i = 0; i < 10_000; i++) {
            throttle.failed("zhangwei", "10.0.0.9");
        }
        Duration wait = throttle.waitFor("zhangwei", "10.0.0.9");
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(60));
        now.addAndGet(wait.toNanos());
        assertThat(throttle.waitFor("zhangwei", "10.0.0.9")).isZero();
        // the owner elsewhere never waited, and the stranger's address is free for other accounts only after the
        // per-address wait, also bounded
        assertThat(throttle.waitFor("zhangwei", "10.0.0.1")).isZero();
    }

    @Test
    void fiveAtOnceThenOneEveryFiveSeconds() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.waitFor("wangfang", "10.0.0.8")).isZero();
            throttle.failed("wangfang", "10.0.0.8");
        }
        assertThat(throttle.waitFor("wangfang", "10.0.0.8")).isEqualTo(Duration.ofSeconds(5));
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(throttle.waitFor("wangfang", "10.0.0.8")).isZero();
        throttle.failed("wangfang", "10.0.0.8");
        assertThat(throttle.waitFor("wangfang", "10.0.0.8")).isEqualTo(Duration.ofSeconds(5));
    }
}
