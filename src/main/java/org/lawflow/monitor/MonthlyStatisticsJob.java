package org.lawflow.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.identity.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The timer process {@code monthly-statistics}: every day it asks {@link #firstWorkingDayOfMonth()}; on the first
 * working day of a month (statutory calendar: holidays and 调休 respected) this delegate generates the previous
 * month's statistics of every agency and mails the PDF and CSV to the agency's supervisors (group supervisor,
 * members of the agency's tenant with an e-mail address). Message-ID per agency, month and recipient.
 */
@Component("monthlyStatisticsJob")
class MonthlyStatisticsJob implements JavaDelegate {

    static final String TEMPLATE = "/templates/mail/monthly-statistics.txt";

    private final MonthlyStatistics statistics;
    private final StatisticsFormats formats;
    private final StatutoryDeadlines deadlines;
    private final IdentityService identity;
    private final JavaMailSender sender;
    private final String from;

    MonthlyStatisticsJob(MonthlyStatistics statistics, StatisticsFormats formats, StatutoryDeadlines deadlines,
            IdentityService identity, JavaMailSender sender,
            @Value("${lawflow.mail.from:noreply@lawflow.example}") String from) {
        this.statistics = statistics;
        this.formats = formats;
        this.deadlines = deadlines;
        this.identity = identity;
        this.sender = sender;
        this.from = from;
    }

    /** Today (engine clock, Asia/Shanghai) is the first working day of its month. */
    boolean firstWorkingDayOfMonth() {
        return isFirstWorkingDay(today());
    }

    boolean isFirstWorkingDay(LocalDate day) {
        if (!deadlines.isWorkingDay(day)) {
            return false;
        }
        for (LocalDate d = day.withDayOfMonth(1); d.isBefore(day); d = d.plusDays(1)) {
            if (deadlines.isWorkingDay(d)) {
                return false;
            }
        }
        return true;
    }

    LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(deadlines.zone()).toLocalDate();
    }

    @Override
    public void execute(DelegateExecution execution) {
        YearMonth month = YearMonth.from(today()).minusMonths(1);
        List<String> sent = new ArrayList<>();
        for (String agency : statistics.agencies()) {
            sent.addAll(send(agency, month));
        }
        execution.setVariable("reportMonth", month.toString());
        execution.setVariable("reportRecipients", String.join(",", sent));
    }

    /** Generates the agency's report of the month and mails it to its supervisors; returns the addresses. */
    List<String> send(String agency, YearMonth month) {
        var report = statistics.report(agency, month);
        byte[] pdf = formats.pdf(report);
        byte[] csv = formats.csv(report);
        String[] template = template();
        String title = formats.title(report);
        List<String> sent = new ArrayList<>();
        List<User> supervisors = identity.createUserQuery().memberOfGroup(Groups.SUPERVISOR).memberOfTenant(agency)
                .list();
        for (User user : supervisors) {
            if (user.getEmail() == null || user.getEmail().isBlank()) {
                continue;
            }
            String name = ((user.getLastName() == null ? "" : user.getLastName())
                    + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
            String messageId = "<statistics." + agency + "." + month + "." + user.getId() + "@lawflow>";
            try {
                MimeMessage message = new MimeMessage(sender.createMimeMessage().getSession()) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", messageId);
                    }
                };
                var helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(new InternetAddress(from, "LawFlow", "UTF-8"));
                helper.setTo(new InternetAddress(user.getEmail(), name, "UTF-8"));
                helper.setSubject(fill(template[0], title, report, name));
                helper.setText(fill(template[1], title, report, name));
                helper.addAttachment(StatisticsFormats.fileName(report, "pdf"), new ByteArrayResource(pdf),
                        "application/pdf");
                helper.addAttachment(StatisticsFormats.fileName(report, "csv"), new ByteArrayResource(csv),
                        "text/csv; charset=UTF-8");
                sender.send(message);
                sent.add(user.getEmail());
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("统计报表邮件发送失败：" + user.getEmail(), e);
            }
        }
        return sent;
    }

    private static String fill(String text, String title, MonthlyStatistics.Report report, String name) {
        StringBuilder figures = new StringBuilder();
        report.figures().forEach(f -> figures.append(f.label()).append("：").append(f.value()).append('\n'));
        return text.replace("{title}", title).replace("{month}", report.month().toString())
                .replace("{name}", name).replace("{figures}", figures.toString().strip());
    }

    private static String[] template() {
        try (InputStream in = MonthlyStatisticsJob.class.getResourceAsStream(TEMPLATE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return new String[] {text.substring(0, newline).replaceFirst("^Subject:\\s*", "").strip(),
                    text.substring(newline + 1).strip()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
