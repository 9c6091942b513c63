package org.lawflow.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/** The 60-day calendar warning reaches the administrators and the supervisors by mail, once a week (real SMTP). */
@LawFlowSpringTest
class CalendarCoverageReminderTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @Autowired CalendarCoverageReminder reminder;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * Other tests run the daily digest, which sends this week's warning too (recorded by Message-ID, so it is not
     * sent twice): start from no record of any coverage warning, as on a fresh installation.
     */
    @org.junit.jupiter.api.BeforeEach
    void noCoverageWarningSentYet() {
        jdbc.sql("delete from report_mail where message_id like ?").param("<calendar-coverage.%").update();
    }

    @Test
    void administratorsAndSupervisorsAreRemindedWeeklyWhileANoticeIsMissing() throws Exception {
        assertThat(reminder.remind(LocalDate.of(2026, 6, 1))).as("more than 60 days covered: no mail").isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        var sent = reminder.remind(LocalDate.of(2026, 12, 7));
        assertThat(sent).contains("admin@lawflow.example", "sunli@lawflow.example")
                .doesNotContain("zhangwei@lawflow.example");
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(sent.size());
        assertThat(mails[0].getSubject()).contains("2027").contains("暂定");
        assertThat(String.valueOf(mails[0].getContent())).contains("2027年国务院办公厅放假安排尚未载入")
                .contains("当事人的期间取较晚日期");

        // the same week: recognised by Message-ID, not sent again; the next week: a new reminder
        reminder.remind(LocalDate.of(2026, 12, 10));
        assertThat(smtp.getReceivedMessages()).hasSize(sent.size());
        reminder.remind(LocalDate.of(2026, 12, 14));
        assertThat(smtp.getReceivedMessages()).hasSize(2 * sent.size());
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).hasSize(2 * sent.size());
    }
}
