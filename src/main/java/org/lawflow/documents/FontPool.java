package org.lawflow.documents;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@code capacity} parsed fonts, each used by one rendering at a time. A rendering borrows a free one, or
 * parses a new one while fewer than {@code capacity} exist, or else waits for one to come back. Parsed fonts are
 * kept for the life of the application (parsing costs about a second).
 */
final class FontPool<F> {

    private final int capacity;
    private final Supplier<F> parse;
    private final LinkedBlockingQueue<F> idle = new LinkedBlockingQueue<>();
    private final AtomicInteger created = new AtomicInteger();

    FontPool(int capacity, Supplier<F> parse) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.parse = parse;
    }

    F borrow() {
        while (true) {
            F font = idle.poll();
            if (font != null) {
                return font;
            }
            int existing = created.get();
            if (existing < capacity) {
                if (created.compareAndSet(existing, existing + 1)) {
                    try {
                        return parse.get();
                    } catch (RuntimeException | Error e) {
                        created.decrementAndGet();
                        throw e;
                    }
                }
            } else {
                try {
                    // a bounded wait, so a waiting rendering notices when a failed parse left room for another
                    font = idle.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a font", e);
                }
                if (font != null) {
                    return font;
                }
            }
        }
    }

    void giveBack(F font) {
        idle.add(font);
    }

    /** Fonts parsed so far (never more than the capacity). */
    int created() {
        return created.get();
    }
}
