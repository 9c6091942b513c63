package org.lawflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lawflow.system.InvalidInputException;

/** The lunar library's statutory days against the State Council notices of 2024-2026, and the completeness check. */
class HolidayRegulationTest {

    @ParameterizedTest(name = "{0}: every statutory day of the regulation is a rest day of the notice")
    @ValueSource(ints = {2024, 2025, 2026})
    void statutoryDaysAreRestDaysOfTheNotice(int year) {
        CalendarYear notice = CalendarDataFile.load().stream().filter(y -> y.year() == year).findFirst().orElseThrow();
        Map<LocalDate, String> rest = notice.restDays();
        for (HolidayRegulation.Festival festival : HolidayRegulation.festivals(year)) {
            assertThat(rest).as(festival.name() + " " + year).containsKeys(festival.days().toArray(LocalDate[]::new));
        }
        // and the notice's holidays are named after the festivals the regulation computes (a lunar error would shift them)
        HolidayRegulation.festivals(year).forEach(f -> assertThat(rest.get(f.first()))
                .contains(f.name().substring(0, 2)));
    }

    @Test
    void lunarFestivalsAndQingmingComeFromTheLibrary() {
        assertThat(days(2025, "春节")).containsExactly(LocalDate.of(2025, 1, 28), LocalDate.of(2025, 1, 29),
                LocalDate.of(2025, 1, 30), LocalDate.of(2025, 1, 31)); // 2024 revision: 除夕 included
        assertThat(days(2024, "春节")).containsExactly(LocalDate.of(2024, 2, 10), LocalDate.of(2024, 2, 11),
                LocalDate.of(2024, 2, 12)); // 2013 revision: 正月初一至初三
        assertThat(days(2024, "劳动节")).containsExactly(LocalDate.of(2024, 5, 1));
        assertThat(days(2026, "劳动节")).containsExactly(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2));
        assertThat(days(2026, "清明节")).containsExactly(LocalDate.of(2026, 4, 5));
        assertThat(days(2027, "春节")).containsExactly(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 6),
                LocalDate.of(2027, 2, 7), LocalDate.of(2027, 2, 8));
        assertThat(days(2027, "端午节")).containsExactly(LocalDate.of(2027, 6, 9));
        assertThat(days(2027, "中秋节")).containsExactly(LocalDate.of(2027, 9, 15));
        for (int year = HolidayRegulation.FIRST_YEAR; year <= HolidayRegulation.LAST_YEAR; year++) {
            assertThat(HolidayRegulation.festivals(year)).hasSize(7);
        }
    }

    @Test
    void aNoticeWithoutAllStatutoryDaysIsRefusedUnlessMarkedPartial() {
        var onlyNewYear = new CalendarYear(2027, "国办发明电〔2026〕X号", List.of(new CalendarYear.HolidayRange("元旦",
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1))), List.of()).validated();
        assertThatThrownBy(() -> onlyNewYear.complete(false, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("春节").hasMessageContaining("国庆节").hasMessageContaining("partial")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("holidays"));
        assertThatThrownBy(() -> onlyNewYear.complete(true, " ")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("partialReason"));
        assertThat(onlyNewYear.complete(true, "通知分两次发布，先载入元旦")).isSameAs(onlyNewYear);
    }

    private static List<LocalDate> days(int year, String festival) {
        return HolidayRegulation.festivals(year).stream().filter(f -> f.name().equals(festival)).findFirst()
                .orElseThrow().days();
    }
}
