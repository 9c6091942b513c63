package org.lawflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The provisional bounds hold on real data: each of 2024, 2025 and 2026 is treated as if its notice were not loaded,
 * and for every start date of that year and 3, 5, 7, 15, 20 working days and 5, 15 calendar days the deadline from
 * the loaded notice lies between the earliest and the latest bound. Prints the widest interval.
 */
class ProvisionalBoundsTest {

    private static final List<Integer> WORKDAYS = List.of(3, 5, 7, 15, 20);
    private static final List<Integer> DAYS = List.of(5, 15);

    @ParameterizedTest(name = "{0} treated as unknown")
    @ValueSource(ints = {2024, 2025, 2026})
    void realDeadlinesLieWithinTheBounds(int unknownYear) {
        List<CalendarYear> all = CalendarDataFile.load();
        StatutoryDeadlines real = deadlines(all);
        StatutoryDeadlines estimated = deadlines(all.stream().filter(y -> y.year() != unknownYear).toList());
        long widest = -1;
        String widestCase = "";
        int checked = 0;
        for (LocalDate from = LocalDate.of(unknownYear, 1, 1); from.getYear() == unknownYear; from = from.plusDays(1)) {
            for (int n : WORKDAYS) {
                Deadline r = real.workdays(from, n, null, StatutoryPeriod.Protects.AGENCY_DUTY);
                Deadline e = estimated.workdays(from, n, null, StatutoryPeriod.Protects.AGENCY_DUTY);
                check(from, n + "个工作日", r, e);
                long width = ChronoUnit.DAYS.between(e.earliest(), e.latest());
                if (width > widest) {
                    widest = width;
                    widestCase = from + " + " + n + "个工作日: " + e.earliest() + " … " + e.latest() + " (real " + r.due() + ")";
                }
                checked++;
            }
            for (int n : DAYS) {
                Deadline r = real.days(from, n, null, StatutoryPeriod.Protects.AGENCY_DUTY);
                Deadline e = estimated.days(from, n, null, StatutoryPeriod.Protects.AGENCY_DUTY);
                check(from, n + "日", r, e);
                checked++;
            }
        }
        System.out.println("[provisional bounds] " + unknownYear + ": " + checked + " deadlines checked; widest interval "
                + widest + " days: " + widestCase);
        assertThat(checked).isGreaterThan(365 * 7 - 1);
    }

    private static void check(LocalDate from, String what, Deadline real, Deadline estimated) {
        // the "real" side may itself reach the still unknown 2027: then its own bounds must nest inside
        assertThat(estimated.earliest()).as(from + " + " + what + ": earliest").isBeforeOrEqualTo(real.earliest());
        assertThat(estimated.latest()).as(from + " + " + what + ": latest").isAfterOrEqualTo(real.latest());
    }

    private static StatutoryDeadlines deadlines(List<CalendarYear> years) {
        return new StatutoryDeadlines(new StatutoryCalendar(years), Map.of(), StatutoryDeadlines.DEFAULT_ZONE,
                Clock.system(StatutoryDeadlines.DEFAULT_ZONE));
    }
}
