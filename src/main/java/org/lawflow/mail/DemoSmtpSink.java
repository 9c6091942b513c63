package org.lawflow.mail;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Demo profile only: an embedded SMTP server (GreenMail) on {@code lawflow.demo.smtp-sink-port} (default 2525,
 * 0 = off, e.g. under docker compose where Mailpit receives the mail). The demo app sends to it (in the demo profile
 * spring.mail.port is this port unless LAWFLOW_SMTP_PORT is set, see application.yaml) and /demo/mails lists what
 * arrived. Never part of production.
 */
@Component
@Profile("demo")
class DemoSmtpSink implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoSmtpSink.class);
    private final int port;
    private GreenMail greenMail;
    private volatile boolean running;

    DemoSmtpSink(@Value("${lawflow.demo.smtp-sink-port:2525}") int port) {
        this.port = port;
    }

    @Override
    public void start() {
        if (port <= 0) {
            return;
        }
        try {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            running = true;
            log.warn("DEMO profile: embedded SMTP sink on 127.0.0.1:{}; received mail is listed at /demo/mails", port);
        } catch (RuntimeException e) {
            log.warn("DEMO profile: cannot start the embedded SMTP sink on port {} ({}); mail goes to spring.mail.host",
                    port, e.getMessage());
            greenMail = null;
        }
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    int port() {
        return port;
    }

    /** Mails received so far (empty when the sink is off). */
    List<MimeMessage> received() {
        return running && greenMail != null ? List.of(greenMail.getReceivedMessages()) : List.of();
    }
}
