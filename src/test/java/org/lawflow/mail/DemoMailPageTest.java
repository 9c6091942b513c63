package org.lawflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The demo mail page needs a login; the embedded sink receives what the app sends to its port. */
@LawFlowSpringTest
class DemoMailPageTest {

    @Autowired TestRestTemplate rest;

    @Test
    void pageRequiresLoginAndShowsTheMailRecordsWhenTheSinkIsOff() {
        var api = new ApiClient(rest);
        assertThat(api.get(null, "/demo/mails").status()).isEqualTo(401);
        var page = api.get("zhangwei", "/demo/mails");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("演示邮箱", "Mailpit");
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
