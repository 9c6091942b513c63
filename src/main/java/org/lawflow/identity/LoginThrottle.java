package org.lawflow.identity;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins as token buckets, one per (account, client address) and one per client address: each failure takes a
 * token, tokens come back at a steady rate, and while a bucket is empty that key must wait. The wait is bounded
 * ({@code maxWait}): a bucket never runs deeper into debt than that, however many attempts arrive at once. Successes
 * change nothing: "forgetting failures on success" could be triggered by answers that are no success (a request
 * refused before its password is checked) and would let a guesser start afresh.
 * <p>
 * Nothing here is keyed by the account alone, so failures from one address never slow the account's owner at
 * another; the per-address bucket stops one address from trying many accounts. Buckets that have refilled are
 * forgotten, so memory stays bounded by the failures of the last minute or so. Per node: in a cluster of n nodes
 * an attacker gets n times the rate.
 */
final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** More buckets than this and full ones are purged (at most once a second); far more and new keys go untracked. */
    private static final int PURGE_ABOVE = 10_000;
    private static final int TRACK_AT_MOST = 200_000;

    /** {@code burst} failures at once, then one more every {@code refill}. */
    record Rate(int burst, Duration refill) {
    }

    private record Pair(String account, String address) {
    }

    private final Rate perPair;
    private final Rate perAddress;
    private final Duration maxWait;
    private final LongSupplier nanoClock;
    private final Map<Object, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastPurge;

    LoginThrottle(Rate perPair, Rate perAddress, Duration maxWait, LongSupplier nanoClock) {
        this.perPair = perPair;
        this.perAddress = perAddress;
        this.maxWait = maxWait;
        this.nanoClock = nanoClock;
        this.lastPurge = nanoClock.getAsLong();
    }

    /** How long {@code account} may not be tried from {@code address}; zero when it may be tried now. */
    Duration waitFor(String account, String address) {
        long now = nanoClock.getAsLong();
        long waitNanos = Math.max(wait(new Pair(account, address), now), wait(address, now));
        return Duration.ofNanos(waitNanos);
    }

    /** A wrong password (or unknown account) from this address. */
    void failed(String account, String address) {
        long now = nanoClock.getAsLong();
        take(new Pair(account, address), perPair, now);
        take(address, perAddress, now);
    }

    private long wait(Object key, long now) {
        Bucket bucket = buckets.get(key);
        return bucket == null ? 0 : bucket.waitNanos(now);
    }

    private void take(Object key, Rate rate, long now) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            purgeIfLarge(now);
            if (buckets.size() >= TRACK_AT_MOST) {
                return;
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(rate, maxWait, now));
        }
        bucket.take(now);
    }

    private void purgeIfLarge(long now) {
        if (buckets.size() <= PURGE_ABOVE || now - lastPurge < Duration.ofSeconds(1).toNanos()) {
            return;
        }
        lastPurge = now;
        buckets.values().removeIf(b -> b.isFull(now));
        if (buckets.size() >= TRACK_AT_MOST) {
            log.warn("Login throttle tracks {} failing accounts and addresses; further ones are not slowed",
                    buckets.size());
        }
    }

    int size() {
        return buckets.size();
    }

    private static final class Bucket {
        private final double burst;
        private final long refillNanos;
        /** Deepest debt: a wait of at most maxWait. */
        private final double floor;
        private double tokens;
        private long updated;

        Bucket(Rate rate, Duration maxWait, long now) {
            this.burst = rate.burst();
            this.refillNanos = rate.refill().toNanos();
            this.floor = 1 - (double) maxWait.toNanos() / refillNanos;
            this.tokens = burst;
            this.updated = now;
        }

        synchronized long waitNanos(long now) {
            refill(now);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * refillNanos);
        }

        synchronized void take(long now) {
            refill(now);
            tokens = Math.max(floor, tokens - 1);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (double) (now - updated) / refillNanos);
            updated = now;
        }
    }
}
