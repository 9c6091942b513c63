package org.lawflow.monitor;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lawflow.calendar.StatutoryCalendarStatus;
import org.lawflow.mail.StaffMail;
import org.springframework.stereotype.Component;

/**
 * Part of the daily {@code overdue-digest}: while the loaded holiday notices cover less than 60 more days, the
 * system administrators and every agency's supervisors get a reminder to enter the next year's notice — once a
 * week (Message-ID per year, week and recipient), because deadlines reaching that year are only provisional.
 */
@Component
class CalendarCoverageReminder {

    private final StatutoryCalendarStatus calendar;
    private final MonthlyStatistics statistics;
    private final StaffMail mail;

    CalendarCoverageReminder(StatutoryCalendarStatus calendar, MonthlyStatistics statistics, StaffMail mail) {
        this.calendar = calendar;
        this.statistics = statistics;
        this.mail = mail;
    }

    /** Mails the reminder if one is due today; returns the addresses mailed (now or earlier this week). */
    List<String> remind(LocalDate today) {
        var warning = calendar.warningOn(today);
        if (warning.isEmpty()) {
            return List.of();
        }
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String prefix = "calendar-coverage." + warning.get().years() + "." + monday;
        Map<String, String> values = Map.of("years", warning.get().years(), "message", warning.get().message());
        List<String> sent = new ArrayList<>(mail.toAdministrators("calendar-coverage", values, prefix));
        for (String agency : statistics.agencies()) {
            sent.addAll(mail.toSupervisors(agency, "calendar-coverage", values, prefix, List.of()));
        }
        return sent;
    }
}
