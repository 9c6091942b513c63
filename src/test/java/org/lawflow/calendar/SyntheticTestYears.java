package org.lawflow.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Test fixture: tests and the benchmark start flows today, and a 20-working-day publication period from December
 * reaches next year, which the data file lacks until the State Council's notice is entered. So, for the current year
 * and the two after it, every year the data file lacks gets a clearly labelled synthetic year: weekends and 元旦 only.
 * Registered in src/test/resources/META-INF/services, so it is on every test classpath (process tests through
 * {@link StatutoryDeadlines#fromDataFile()}, Spring Boot tests, the separate LawFlow JVMs the tests start, the
 * benchmark) and never in the product jar or {@code mvn spring-boot:run}. Public for {@code ServiceLoader}.
 */
public final class SyntheticTestYears implements CalendarSupplement {

    static final int YEARS_AHEAD = 2;
    static final String NOTICE = "测试日历（非官方）：%d年未载入国务院办公厅通知，仅供自动化测试（仅周末和元旦）";

    private final Clock clock;

    public SyntheticTestYears() {
        this(Clock.system(StatutoryDeadlines.DEFAULT_ZONE));
    }

    SyntheticTestYears(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<CalendarYear> years(Set<Integer> covered) {
        int current = LocalDate.now(clock).getYear();
        List<CalendarYear> years = new ArrayList<>();
        for (int year = current; year <= current + YEARS_AHEAD; year++) {
            if (!covered.contains(year)) {
                LocalDate newYear = LocalDate.of(year, 1, 1);
                years.add(new CalendarYear(year, NOTICE.formatted(year),
                        List.of(new CalendarYear.HolidayRange("元旦", newYear, newYear)), List.of()));
            }
        }
        return years;
    }
}
