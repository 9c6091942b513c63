package org.lawflow;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test-only application clock: with {@code LAWFLOW_TEST_CLOCK} (environment) or {@code -Dlawflow.test.clock}, e.g.
 * {@code 2027-02-03T09:30:00+08:00}, the engine clock — which LawFlow reads everywhere through
 * {@code system.ChinaTime} — runs from that moment on, so the suite can be run "on" another date. Registered for
 * every test by JUnit's extension auto-detection; a test that sets its own time gets the shifted clock back after it.
 * Never on the product's class path.
 */
public class TestClock implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    private static Long offsetMillis;

    /** The configured start, or null when the tests run on today's date. */
    public static String configured() {
        String value = System.getProperty("lawflow.test.clock", System.getenv("LAWFLOW_TEST_CLOCK"));
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Puts the engine clock back to the configured (shifted) time, or to the real time without one. */
    public static synchronized void restore() {
        String start = configured();
        if (start == null) {
            ClockUtil.reset();
            return;
        }
        if (offsetMillis == null) {
            offsetMillis = OffsetDateTime.parse(start).toInstant().toEpochMilli() - System.currentTimeMillis();
            System.out.println("[test clock] the application clock starts at " + start);
        }
        ClockUtil.reset();
        ClockUtil.offset(offsetMillis);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        restore();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        restore();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        restore();
    }
}
