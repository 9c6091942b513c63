package org.lawflow.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Heap of this JVM while LawFlow runs in it: the peak of the total heap in use (sampled every
 * {@link #SAMPLE_MILLIS} ms: a sum of the pools' own peaks would overstate it, they peak at different moments), the
 * largest heap still in use after a collection (the live data: what must fit into -Xmx), the time spent in garbage
 * collection, and whether an OutOfMemoryError was seen.
 */
final class HeapWatch {

    static final long SAMPLE_MILLIS = 50;
    private static final AtomicReference<OutOfMemoryError> OOM = new AtomicReference<>();
    private static final AtomicLong PEAK_USED = new AtomicLong();
    private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();
    private static volatile long gcMillisAtReset;
    private static Thread sampler;

    private HeapWatch() {
    }

    /** Starts (or restarts) the measurement. */
    static synchronized void reset() {
        PEAK_USED.set(0);
        PEAK_AFTER_GC.set(0);
        gcMillisAtReset = gcMillis();
        if (sampler == null) {
            sampler = new Thread(HeapWatch::sample, "heap-watch");
            sampler.setDaemon(true);
            sampler.start();
        }
    }

    private static void sample() {
        var memory = ManagementFactory.getMemoryMXBean();
        var heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        while (true) {
            PEAK_USED.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            long afterGc = heapPools.stream().map(MemoryPoolMXBean::getCollectionUsage)
                    .filter(java.util.Objects::nonNull).mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
            PEAK_AFTER_GC.accumulateAndGet(afterGc, Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static double peakHeapMb() {
        return PEAK_USED.get() / (1024.0 * 1024.0);
    }

    static double peakLiveAfterGcMb() {
        return PEAK_AFTER_GC.get() / (1024.0 * 1024.0);
    }

    static double gcSecondsSinceReset() {
        return (gcMillis() - gcMillisAtReset) / 1000.0;
    }

    static double maxHeapMb() {
        return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
    }

    static void recordOutOfMemory(OutOfMemoryError e) {
        OOM.compareAndSet(null, e);
    }

    static boolean outOfMemorySeen() {
        return OOM.get() != null;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }
}
