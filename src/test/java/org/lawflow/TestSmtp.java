package org.lawflow;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP port the Spring Boot tests send to: {@code LAWFLOW_TEST_SMTP_PORT}, else a free port chosen once per test
 * JVM, so that builds running side by side on one machine do not meet on a fixed port.
 */
public final class TestSmtp {

    private TestSmtp() {
    }

    private static Integer chosen;

    public static synchronized int port() {
        if (chosen == null) {
            String value = System.getenv("LAWFLOW_TEST_SMTP_PORT");
            chosen = value == null || value.isBlank() ? freePort() : Integer.parseInt(value.trim());
        }
        return chosen;
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A GreenMail SMTP setup on {@link #port()}, for {@code GreenMailExtension}. */
    public static ServerSetup setup() {
        return new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }
}
