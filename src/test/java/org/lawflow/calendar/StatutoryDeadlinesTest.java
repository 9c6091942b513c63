package org.lawflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mock.env.MockEnvironment;

/** Table-driven checks of the statutory calendar against the State Council notices for 2024-2026. */
class StatutoryDeadlinesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // the data file alone, without the tests' synthetic years (SyntheticTestYears): these checks are about the notices
    private final StatutoryDeadlines deadlines = new StatutoryDeadlines(new StatutoryCalendar(CalendarDataFile.load()),
            Map.of(), SHANGHAI, Clock.system(SHANGHAI));

    @ParameterizedTest(name = "{0} + {1} working days = {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            # Spring Festival 2024: rest 02-10..02-17, Sundays 02-04 and 02-18 worked, 除夕 02-09 a working day
            2024-02-02 | 1 | 2024-02-04 | make-up Sunday before the festival
            2024-02-08 | 1 | 2024-02-09 | 除夕 2024 is not a statutory rest day
            2024-02-09 | 1 | 2024-02-18 | festival skipped, make-up Sunday after it
            2024-02-09 | 3 | 2024-02-20 | counting on after the make-up Sunday
            # Spring Festival 2025: rest 01-28..02-04, Sunday 01-26 and Saturday 02-08 worked
            2025-01-24 | 1 | 2025-01-26 | make-up Sunday
            2025-01-27 | 1 | 2025-02-05 | whole festival skipped
            2025-01-27 | 5 | 2025-02-10 | make-up Saturday 02-08 counts, Sunday 02-09 does not
            # Spring Festival 2026: rest 02-15..02-23, Saturdays 02-14 and 02-28 worked
            2026-02-13 | 1 | 2026-02-14 | make-up Saturday before the festival
            2026-02-13 | 2 | 2026-02-24 | nine-day festival skipped
            2026-02-26 | 2 | 2026-02-28 | make-up Saturday after the festival
            # National Day
            2024-09-27 | 1 | 2024-09-29 | make-up Sunday 2024
            2024-09-30 | 1 | 2024-10-08 | National Day 2024 skipped
            2024-10-10 | 2 | 2024-10-12 | make-up Saturday 2024
            2025-09-30 | 3 | 2025-10-11 | National Day + Mid-Autumn 2025 (8 days), make-up Saturday
            2026-09-18 | 1 | 2026-09-20 | make-up Sunday 2026
            2026-09-30 | 3 | 2026-10-10 | National Day 2026, make-up Saturday
            # other holidays and make-up days
            2024-04-03 | 1 | 2024-04-07 | Qingming 2024, make-up Sunday
            2024-05-10 | 1 | 2024-05-11 | Labour Day 2024 make-up Saturday
            2025-04-30 | 1 | 2025-05-06 | Labour Day 2025
            2026-05-08 | 1 | 2026-05-09 | Labour Day 2026 make-up Saturday
            2026-06-18 | 1 | 2026-06-22 | Dragon Boat 2026
            2026-09-24 | 1 | 2026-09-28 | Mid-Autumn 2026
            2025-03-14 | 1 | 2025-03-17 | ordinary weekend
            2025-03-10 | 5 | 2025-03-17 | ordinary week
            # start date on a holiday
            2024-10-01 | 3 | 2024-10-10 | start on National Day
            2026-02-16 | 1 | 2026-02-24 | start inside Spring Festival
            2025-05-03 | 5 | 2025-05-12 | start inside Labour Day
            2026-01-02 | 1 | 2026-01-04 | start on New Year, next is the make-up Sunday
            # year boundaries
            2024-12-31 | 1 | 2025-01-02 | New Year 2025 skipped
            2024-12-27 | 3 | 2025-01-02 | across the year end
            2025-12-31 | 1 | 2026-01-04 | New Year 2026 (01-01..03) skipped, make-up Sunday
            2023-12-29 | 0 | 2023-12-29 | zero days is the start day itself
            """)
    void workingDays(LocalDate from, int n, LocalDate expected, String why) {
        Deadline deadline = deadlines.workdays(from, n);
        assertThat(deadline.due()).as(why).isEqualTo(expected);
        assertThat(deadline.basis()).isEqualTo("行政处罚法第八十五条");
        assertThat(deadline.from()).isEqualTo(from);
    }

    @ParameterizedTest(name = "{0} + {1} days = {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            2024-09-30 |  1 | 2024-10-08 | ends on National Day: moved to the next working day
            2024-09-26 |  5 | 2024-10-08 | ends on National Day
            2025-01-20 | 15 | 2025-02-05 | payment period ending in Spring Festival 2025
            2026-02-10 |  5 | 2026-02-24 | ends in Spring Festival 2026
            2026-02-09 |  5 | 2026-02-14 | ends on a make-up Saturday: not moved
            2024-02-03 |  1 | 2024-02-04 | ends on a make-up Sunday: not moved
            2024-12-29 |  3 | 2025-01-02 | ends on New Year across the year end
            2026-11-18 |  3 | 2026-11-23 | ends on an ordinary Saturday
            2026-01-01 |  3 | 2026-01-04 | start on a holiday, ends on a make-up Sunday
            2025-06-28 |  3 | 2025-07-01 | ordinary
            2026-05-01 | 90 | 2026-07-30 | 90 days (行政处罚法第六十条)
            """)
    void calendarDays(LocalDate from, int n, LocalDate expected, String why) {
        Deadline deadline = deadlines.days(from, n);
        assertThat(deadline.due()).as(why).isEqualTo(expected);
        assertThat(deadline.basis()).isEqualTo("民事诉讼法第八十五条");
        if (!from.plusDays(n).equals(expected)) {
            assertThat(deadline.rule()).contains("顺延至" + expected);
        }
    }

    @ParameterizedTest(name = "{0} + {1} {2} reaches an unloaded year: provisional, never an error")
    @CsvSource(delimiter = '|', textBlock = """
            2026-12-28 |  5 | WORKDAYS
            2026-12-31 |  1 | DAYS
            2026-12-01 | 90 | DAYS
            2023-12-29 |  1 | WORKDAYS
            2027-03-01 |  1 | DAYS
            """)
    void anUnloadedYearGivesAProvisionalDeadlineWithBounds(LocalDate from, int n, String unit) {
        Deadline party = unit.equals("DAYS") ? deadlines.days(from, n, null, StatutoryPeriod.Protects.PARTY_TIME)
                : deadlines.workdays(from, n, null, StatutoryPeriod.Protects.PARTY_TIME);
        Deadline agency = unit.equals("DAYS") ? deadlines.days(from, n) : deadlines.workdays(from, n);
        assertThat(party.provisional()).isTrue();
        assertThat(party.earliest()).isEqualTo(agency.earliest()).isAfter(from);
        assertThat(party.latest()).isEqualTo(agency.latest()).isAfterOrEqualTo(party.earliest());
        assertThat(party.due()).isEqualTo(party.latest());
        assertThat(agency.due()).isEqualTo(agency.earliest());
        assertThat(party.rule()).contains("暂定（").contains("年放假安排尚未载入）");
    }

    @Test
    void onlyYearsOutsideTheRegulationsRangeAreAnError() {
        assertThatThrownBy(() -> deadlines.workdays(LocalDate.of(2050, 12, 28), 5))
                .isInstanceOf(CalendarNotCoveredException.class).hasMessageContaining("2051")
                .satisfies(e -> assertThat(((CalendarNotCoveredException) e).coveredYears())
                        .containsExactly(2024, 2025, 2026));
        assertThatThrownBy(() -> deadlines.workdays(LocalDate.of(2013, 12, 27), 1))
                .isInstanceOf(CalendarNotCoveredException.class).hasMessageContaining("2013");
    }

    @Test
    void dataFileCoversThreeYearsWithTheirNotices() {
        List<CalendarYear> years = CalendarDataFile.load();
        assertThat(years).extracting(CalendarYear::year).containsExactly(2024, 2025, 2026);
        assertThat(years).extracting(CalendarYear::notice).satisfiesExactly(
                n -> assertThat(n).contains("国办发明电〔2023〕7号"),
                n -> assertThat(n).contains("国办发明电〔2024〕12号"),
                n -> assertThat(n).contains("国办发明电〔2025〕7号"));
        // statutory rest days per year (全国年节及纪念日放假办法): 11 before 2025, 13 from 2025; plus 调休
        assertThat(years.get(2).restDays()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
        assertThat(years.get(2).makeUpDays().keySet()).containsExactly(LocalDate.of(2026, 1, 4),
                LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9),
                LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
    }

    @Test
    void periodsEndAtTheEndOfTheDueDayInShanghai() {
        // LEGAL_REVIEW = 5 working days: 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13
        Date due = deadlines.due("LEGAL_REVIEW", "2026-09-30");
        assertThat(due.toInstant()).isEqualTo(OffsetDateTime.parse("2026-10-13T23:59:59+08:00").toInstant());
        // every accepted type of 'from' gives the same day
        Date sameFromDate = deadlines.due("LEGAL_REVIEW",
                Date.from(OffsetDateTime.parse("2026-09-30T23:30:00+08:00").toInstant()));
        assertThat(sameFromDate).isEqualTo(due);
        assertThat(deadlines.due("LEGAL_REVIEW", LocalDate.of(2026, 9, 30))).isEqualTo(due);
        assertThat(deadlines.due("LEGAL_REVIEW", LocalDateTime.of(2026, 9, 30, 8, 0))).isEqualTo(due);
        assertThat(deadlines.due("LEGAL_REVIEW", "2026-09-30T08:00:00")).isEqualTo(due);
        assertThat(deadlines.due("LEGAL_REVIEW", "2026-09-30T01:00:00Z")).isEqualTo(due);
        assertThat(deadlines.due("LEGAL_REVIEW", OffsetDateTime.parse("2026-09-30T10:00:00+08:00"))).isEqualTo(due);
        assertThat(deadlines.workdaysAfter("2026-09-30", 5)).isEqualTo(due);
        // calendar days: PAYMENT 15 days from 2025-01-20 ends on 02-04 (holiday) -> 02-05
        assertThat(deadlines.due("PAYMENT", "2025-01-20").toInstant())
                .isEqualTo(OffsetDateTime.parse("2025-02-05T23:59:59+08:00").toInstant());
        assertThat(deadlines.calendarDaysAfter("2025-01-20", 15)).isEqualTo(deadlines.due("PAYMENT", "2025-01-20"));
    }

    @Test
    void hourPeriodsCountFromTheMoment() {
        Date due = deadlines.due("TRANSFER_SEND", "2026-09-30T10:15:00+08:00");
        assertThat(due.toInstant()).isEqualTo(OffsetDateTime.parse("2026-10-01T10:15:00+08:00").toInstant());
        assertThat(deadlines.hoursAfter(Instant.parse("2026-01-01T00:00:00Z"), 3))
                .isEqualTo(Date.from(Instant.parse("2026-01-01T03:00:00Z")));
    }

    @Test
    void nullMeansNow() {
        var fixed = new StatutoryDeadlines(deadlines.calendar(), Map.of(), SHANGHAI,
                Clock.fixed(Instant.parse("2026-09-29T20:00:00Z"), SHANGHAI)); // 2026-09-30 04:00 in Shanghai
        assertThat(fixed.due("LEGAL_REVIEW", null)).isEqualTo(deadlines.due("LEGAL_REVIEW", "2026-09-30"));
    }

    @Test
    void deadlineCarriesRuleAndBasis() {
        Deadline review = deadlines.deadline(StatutoryPeriod.HEARING_REQUEST, LocalDate.of(2026, 9, 30));
        assertThat(review.due()).isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(review.rule()).startsWith("听证申请期限：5个工作日");
        assertThat(review.basis()).isEqualTo("行政处罚法第六十四条第一项；期间计算：行政处罚法第八十五条");
        Deadline approval = deadlines.deadline(StatutoryPeriod.TRANSFER_APPROVAL, LocalDate.of(2026, 9, 28));
        assertThat(approval.due()).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(approval.rule()).contains("按日历日计算");
        assertThat(approval.basis()).startsWith("国务院令第310号第五条");
    }

    @Test
    void unknownPeriodsAndBadInputAreRejected() {
        assertThatThrownBy(() -> deadlines.due("NO_SUCH_PERIOD", "2026-01-05"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NO_SUCH_PERIOD");
        assertThatThrownBy(() -> deadlines.due("SERVICE", "2026-13-05")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> deadlines.workdays(LocalDate.of(2026, 1, 5), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> deadlines.due("SERVICE", 42L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodsAreConfigurable() {
        var env = new MockEnvironment().withProperty("lawflow.periods.LEGAL_REVIEW", "7")
                .withProperty("lawflow.periods.FILING", "15");
        var amounts = CalendarConfiguration.periodAmounts(env);
        assertThat(amounts).containsEntry(StatutoryPeriod.LEGAL_REVIEW, 7).containsEntry(StatutoryPeriod.FILING, 15);
        var configured = new StatutoryDeadlines(deadlines.calendar(), amounts, SHANGHAI, Clock.systemUTC());
        assertThat(configured.amount(StatutoryPeriod.LEGAL_REVIEW)).isEqualTo(7);
        assertThat(configured.amount(StatutoryPeriod.SERVICE)).isEqualTo(7);
        assertThat(configured.deadline(StatutoryPeriod.LEGAL_REVIEW, LocalDate.of(2026, 9, 30)).due())
                .isEqualTo(LocalDate.of(2026, 10, 15));
        assertThatThrownBy(() -> CalendarConfiguration.periodAmounts(
                new MockEnvironment().withProperty("lawflow.periods.NOPE", "3")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NOPE");
        assertThatThrownBy(() -> CalendarConfiguration.periodAmounts(
                new MockEnvironment().withProperty("lawflow.periods.SERVICE", "0")))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "health on {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-06-01 | UP
            2026-11-23 | WARNING
            2027-01-05 | WARNING
            2029-09-28 | WARNING
            """)
    void healthWarnsAndNeverGoesDown(LocalDate today, String status) {
        var health = new StatutoryCalendarHealthIndicator(deadlines).healthOn(today);
        assertThat(health.getStatus()).isEqualTo(new Status(status));
        if (today.getYear() == 2026) {
            assertThat(health.getDetails()).containsEntry("coveredUntil", "2026-12-31");
        }
        if (status.equals("WARNING")) {
            int expected = today.getYear() == 2026 ? 2027 : today.getYear();
            assertThat(health.getDetails().get("provisionalYears")).asList().contains(expected);
            assertThat(String.valueOf(health.getDetails().get("message"))).contains("暂定").contains("年国务院办公厅放假安排尚未载入");
        }
    }
}
