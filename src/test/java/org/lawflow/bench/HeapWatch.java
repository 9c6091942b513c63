package org.lawflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicReference;

/** Peak heap of this JVM (heap memory pools) and whether an OutOfMemoryError was seen. */
final class HeapWatch {

    private static final AtomicReference<OutOfMemoryError> OOM = new AtomicReference<>();

    private HeapWatch() {
    }

    static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /**
     * Sum of the heap pools' peak usage since the last reset, in MB. The pools peak at different moments (eden
     * before a young collection, old gen later), so this is an upper bound of the real peak.
     */
    static double peakHeapMb() {
        return heapPools().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024.0 * 1024.0);
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

    private static java.util.stream.Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP);
    }
}
