package org.lawflow.monitor;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.mail.StaffMail;
import org.springframework.stereotype.Component;

/**
 * The timer process {@code monthly-statistics}: every day it asks {@link #firstOfMonth()}; on the 1st of a month in
 * China time (the previous month's figures are final then, whatever the holiday calendar says, and the province wants
 * them before the 5th) this delegate generates the previous
 * month's statistics of every agency and mails the PDF and CSV to the agency's supervisors (group supervisor,
 * members of the agency's tenant with an e-mail address). Message-ID per agency, month and recipient.
 */
@Component("monthlyStatisticsJob")
class MonthlyStatisticsJob implements JavaDelegate {

    private final MonthlyStatistics statistics;
    private final StatisticsFormats formats;
    private final StatutoryDeadlines deadlines;
    private final StaffMail mail;

    MonthlyStatisticsJob(MonthlyStatistics statistics, StatisticsFormats formats, StatutoryDeadlines deadlines,
            StaffMail mail) {
        this.statistics = statistics;
        this.formats = formats;
        this.deadlines = deadlines;
        this.mail = mail;
    }

    /** Today (engine clock, China time) is the 1st of its month. */
    boolean firstOfMonth() {
        return today().getDayOfMonth() == 1;
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
        StringBuilder figures = new StringBuilder();
        report.figures().forEach(f -> figures.append(f.label()).append("：").append(f.value()).append('\n'));
        return mail.toSupervisors(agency, "monthly-statistics", Map.of("title", formats.title(report), "month",
                StatisticsFormats.period(month), "figures", figures.toString().strip()),
                "statistics." + agency + "." + month,
                List.of(new StaffMail.Attachment(StatisticsFormats.fileName(report, "pdf"), formats.pdf(report),
                        "application/pdf"),
                        new StaffMail.Attachment(StatisticsFormats.fileName(report, "csv"), formats.csv(report),
                                "text/csv; charset=UTF-8")));
    }
}
