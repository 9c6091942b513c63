package org.lawflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Periods in months (复议、诉讼期限, 申请强制执行期限): the same day of the Nth month, the month's last day where it has
 * none, a rest day moved to the next working day; the first day is not counted.
 */
class MonthPeriodsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final StatutoryDeadlines deadlines = new StatutoryDeadlines(new StatutoryCalendar(CalendarDataFile.load()),
            Map.of(), SHANGHAI, Clock.system(SHANGHAI));

    @ParameterizedTest(name = "{0} + {1} months = {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-01-15 | 3 | 2026-04-15 | the same day, a Wednesday
            2026-07-31 | 2 | 2026-09-30 | no 31 September: the last day of September
            2026-03-31 | 2 | 2026-06-01 | 05-31 is a Sunday: the next working day
            2026-04-04 | 1 | 2026-05-06 | 05-04 is in the Labour Day holiday (05-01..05-05)
            """)
    void monthsEndOnTheSameDayOrTheNextWorkingDay(LocalDate from, int months, LocalDate due, String why) {
        Deadline d = deadlines.months(from, months, null, StatutoryPeriod.Protects.AGENCY_DUTY);
        assertThat(d.due()).as(why).isEqualTo(due);
        assertThat(d.basis()).isEqualTo(StatutoryDeadlines.MONTH_BASIS);
        assertThat(d.rule()).contains(months + "个月", "对应日");
    }

    @org.junit.jupiter.api.Test
    void aMonthWithoutTheDayEndsOnItsLastDay() {
        // 2025-08-31 + 6 months: no 31 February 2026, so 2026-02-28, a make-up Saturday (working day) of Spring Festival
        assertThat(deadlines.months(LocalDate.of(2025, 8, 31), 6, null, StatutoryPeriod.Protects.AGENCY_DUTY).due())
                .isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @org.junit.jupiter.api.Test
    void theRemedyAndCourtPeriodsAreMonths() {
        assertThat(deadlines.deadline(StatutoryPeriod.REMEDY_PERIODS, LocalDate.of(2026, 3, 31)).due())
                .as("six months: 09-30 is a Wednesday").isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(deadlines.deadline(StatutoryPeriod.COURT_ENFORCEMENT_APPLICATION, LocalDate.of(2026, 7, 1)).due())
                .as("three months: 10-01 is National Day, the holiday runs to 10-07").isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(StatutoryPeriod.REMEDY_PERIODS.protects()).isEqualTo(StatutoryPeriod.Protects.PARTY_TIME);
        assertThat(StatutoryPeriod.REMEDY_PERIODS.basisVerified()).isFalse();
    }
}
