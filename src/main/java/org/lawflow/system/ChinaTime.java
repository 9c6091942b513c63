package org.lawflow.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * LawFlow's one clock: the engine's ({@code ClockUtil}), so that timers, due dates and the app's own "today" move
 * together when a test shifts the clock; and China time (Asia/Shanghai), in which every statutory day is counted.
 */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A {@link Clock} in China time that reads the engine clock. */
    public static final Clock CLOCK = new EngineClock(ZONE);

    private static final class EngineClock extends Clock {
        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new EngineClock(other);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }

    private ChinaTime() {
    }

    public static Instant now() {
        return CLOCK.instant();
    }

    public static Date nowDate() {
        return Date.from(now());
    }

    public static OffsetDateTime nowOffset() {
        return OffsetDateTime.now(CLOCK);
    }

    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }
}
