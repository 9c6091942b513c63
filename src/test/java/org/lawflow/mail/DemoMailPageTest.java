package org.lawflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestClock;
import org.lawflow.TestSmtp;
import org.lawflow.system.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The demo mail page needs a login; the embedded sink receives what the app sends to its port. */
@LawFlowSpringTest
class DemoMailPageTest {

    @Autowired TestRestTemplate rest;
    @Autowired MailRecords records;

    @Test
    void pageRequiresLoginAndShowsTheMailRecordsWhenTheSinkIsOff() {
        var api = new ApiClient(rest);
        assertThat(api.get(null, "/demo/mails").status()).isEqualTo(401);
        var page = api.get("zhangwei", "/demo/mails");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("演示邮箱", "Mailpit");
    }

    /** The time a mail was sent is shown in China time whatever the server's zone. */
    @Test
    void pageShowsChinaTime() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-12-11T17:05:00+08:00").toInstant()));
        try {
            var api = new ApiClient(rest);
            var created = api.post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
            assertThat(created.status()).isEqualTo(201);
            UUID caseId = UUID.fromString(created.json().get("id").asText());
            String subject = "送达通知 " + UUID.randomUUID();
            records.save(new MailRecord(UUID.randomUUID(), "<" + caseId + ".china-time@lawflow>", caseId, "xining",
                    "pi", "Task_Mail", "party-notice", "party", "ma@party.example", subject, "", MailRecord.SENT,
                    false, 0, null, ChinaTime.nowOffset(), ChinaTime.nowOffset()));

            String page = api.get("zhangwei", "/demo/mails").body();
            String mail = page.substring(page.indexOf(subject));
            assertThat(mail.substring(0, mail.indexOf("Message-ID"))).contains("时间：<span>2026年12月11日 17:05</span>");
        } finally {
            TestClock.restore();
        }
    }

    @Autowired org.thymeleaf.spring6.SpringTemplateEngine templates;

    /** With the embedded sink on (the demo as shipped), the time of a received mail is China time too. */
    @Test
    void pageShowsChinaTimeOfTheMailsTheSinkReceived() throws Exception {
        var sink = new DemoSmtpSink(TestSmtp.port() + 101);
        sink.start();
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-12-11T17:05:00+08:00").toInstant()));
        try {
            var sender = new org.springframework.mail.javamail.JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(TestSmtp.port() + 101);
            var delivery = new MailDelivery(sender, "noreply@lawflow.example");
            delivery.send("<sink-china-time@lawflow>", "LawFlow", new MailRecipients.Recipient("user:sunli",
                    "sunli@lawflow.example", "孙丽"), new MailTemplates.MailText("演示邮件", "正文"), java.util.List.of());

            var admin = new org.lawflow.identity.LawFlowUser("admin", "管理员", java.util.List.of("camunda-admin"),
                    java.util.List.of());
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                    new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(admin, null,
                            java.util.List.of()));
            var model = new org.springframework.ui.ExtendedModelMap();
            String view = new DemoMailPage(sink, records, new org.lawflow.identity.CurrentUser()).page(model);
            String page = templates.process(view, new org.thymeleaf.context.Context(java.util.Locale.CHINA, model));
            String mail = page.substring(page.indexOf("演示邮件"));
            assertThat(mail.substring(0, mail.indexOf("Message-ID"))).contains("时间：<span>2026年12月11日 17:05</span>");
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
            TestClock.restore();
            sink.stop();
        }
    }

    @Test
    void embeddedSinkReceivesMail() throws Exception {
        var sink = new DemoSmtpSink(TestSmtp.port() + 100);
        sink.start();
        try {
            assertThat(sink.isRunning()).isTrue();
            var sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(TestSmtp.port() + 100);
            var mail = new SimpleMailMessage();
            mail.setFrom("noreply@lawflow.example");
            mail.setTo("sifaju@xining.example");
            mail.setSubject("测试");
            mail.setText("正文");
            sender.send(mail);
            assertThat(sink.received()).singleElement().satisfies(m -> assertThat(m.getSubject()).isEqualTo("测试"));
        } finally {
            sink.stop();
        }
    }
}
