package org.lawflow;

import com.icegreen.greenmail.util.ServerSetup;

/** The SMTP port the Spring Boot tests send to: {@code LAWFLOW_TEST_SMTP_PORT}, default 3025. */
public final class TestSmtp {

    private TestSmtp() {
    }

    public static int port() {
        String value = System.getenv("LAWFLOW_TEST_SMTP_PORT");
        return value == null || value.isBlank() ? 3025 : Integer.parseInt(value.trim());
    }

    /** A GreenMail SMTP setup on {@link #port()}, for {@code GreenMailExtension}. */
    public static ServerSetup setup() {
        return new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }
}
