package org.lawflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class FontPoolTest {

    @Test
    void neverMoreFontsThanTheCapacityAndNoFontUsedTwiceAtOnce() throws Exception {
        var parsed = new AtomicInteger();
        FontPool<Object> pool = new FontPool<>(2, () -> {
            parsed.incrementAndGet();
            return new Object();
        });
        Set<Object> inUse = ConcurrentHashMap.newKeySet();
        var overlaps = new AtomicInteger();
        var maxInUse = new AtomicInteger();
        var executor = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                runs.add(executor.submit(() -> {
                    Object font = pool.borrow();
                    try {
                        if (!inUse.add(font)) {
                            overlaps.incrementAndGet();
                        }
                        maxInUse.accumulateAndGet(inUse.size(), Math::max);
                        Thread.onSpinWait();
                    } finally {
                        inUse.remove(font);
                        pool.giveBack(font);
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(overlaps).as("a font borrowed by two renderings at once").hasValue(0);
        assertThat(parsed.get()).isBetween(1, 2);
        assertThat(pool.created()).isEqualTo(parsed.get());
        assertThat(maxInUse.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void aWaitingRenderingGetsTheFontGivenBack() throws Exception {
        var pool = new FontPool<>(1, Object::new);
        Object only = pool.borrow();
        var got = new Object[1];
        var done = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            got[0] = pool.borrow();
            done.countDown();
        });
        waiter.start();
        assertThat(done.await(300, TimeUnit.MILLISECONDS)).as("waits while the only font is in use").isFalse();
        pool.giveBack(only);
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(got[0]).isSameAs(only);
        assertThat(pool.created()).isEqualTo(1);
    }

    @Test
    void aFailedParseLeavesRoomForTheNextAttempt() {
        var attempts = new AtomicInteger();
        var pool = new FontPool<>(1, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("font missing");
            }
            return "font";
        });
        assertThatThrownBy(pool::borrow).hasMessage("font missing");
        assertThat(pool.created()).isZero();
        assertThat(pool.borrow()).isEqualTo("font");
        assertThat(pool.created()).isEqualTo(1);
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new FontPool<>(0, Object::new)).hasMessageContaining("capacity");
    }
}
