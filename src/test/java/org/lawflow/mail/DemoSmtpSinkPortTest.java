package org.lawflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lawflow.IntegrationTest;
import org.lawflow.TestClock;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Demo profile with application.yaml as shipped: setting only the sink's port ({@code lawflow.demo.smtp-sink-port},
 * or only the environment variable {@code LAWFLOW_DEMO_SMTP_SINK_PORT}) moves the sender (spring.mail.port of the
 * one JavaMailSender that every LawFlow mail goes through, {@link MailDelivery}) too, and the mail arrives at the sink with a Date header
 * in China time. Only the mail beans start (no database, no engine).
 */
@IntegrationTest
class DemoSmtpSinkPortTest {

    @Test
    void theSinkPortAloneMovesTheSenderToo() throws Exception {
        int port = freePort();
        sendThroughTheDemoApp(port, new StandardEnvironment(), "--lawflow.demo.smtp-sink-port=" + port);
    }

    /** The way the README says it: only the environment variable LAWFLOW_DEMO_SMTP_SINK_PORT is set. */
    @Test
    void theEnvironmentVariableAloneMovesTheSenderToo() throws Exception {
        int port = freePort();
        Map<String, Object> variables = new HashMap<>(System.getenv());
        variables.put("LAWFLOW_DEMO_SMTP_SINK_PORT", String.valueOf(port));
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        sendThroughTheDemoApp(port, environment);
    }

    private void sendThroughTheDemoApp(int port, StandardEnvironment environment, String... args) throws Exception {
        Assumptions.assumeTrue(System.getenv("LAWFLOW_SMTP_PORT") == null,
                "LAWFLOW_SMTP_PORT is set: an explicit sender port wins over the sink's");
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-12-11T17:05:00+08:00").toInstant()));
        try (var app = new SpringApplicationBuilder(MailSenderAutoConfiguration.class, DemoSmtpSink.class,
                MailDelivery.class).web(WebApplicationType.NONE).environment(environment).profiles("demo")
                .run(args)) {
            var sink = app.getBean(DemoSmtpSink.class);
            assertThat(sink.isRunning()).isTrue();
            assertThat(sink.port()).isEqualTo(port);
            assertThat(((JavaMailSenderImpl) app.getBean(JavaMailSender.class)).getPort()).as("the sender")
                    .isEqualTo(port);

            app.getBean(MailDelivery.class).send("<sink-port-test@lawflow>", "西宁市交通运输综合行政执法支队",
                    new MailRecipients.Recipient("party", "ma@party.example", "马建国"),
                    new MailTemplates.MailText("执法文书送达通知", "正文"), List.of());

            assertThat(sink.received()).singleElement().satisfies(m -> {
                assertThat(m.getSubject()).isEqualTo("执法文书送达通知");
                assertThat(m.getHeader("Date", null)).isEqualTo("Fri, 11 Dec 2026 17:05:00 +0800");
            });
        } finally {
            TestClock.restore();
        }
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
