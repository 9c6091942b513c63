package org.lawflow.calendar;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lawflow.system.InvalidInputException;

/** A year entered by an administrator is checked like a notice: the error names the field. */
class CalendarYearValidationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            year out of range           | year
            no notice                   | notice
            no holidays                 | holidays
            holiday without name        | holidays[0].name
            holiday in another year     | holidays[0].from
            holiday ends before start   | holidays[0].to
            overlapping holidays        | holidays[1]
            make-up day on a weekday    | workdays[0].date
            make-up day is a holiday    | workdays[0].date
            """)
    void invalidYearsNameTheField(String problem, String field) {
        var newYear = new CalendarYear.HolidayRange("元旦", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1));
        int year = 2027;
        String notice = "国办发明电〔2026〕X号";
        List<CalendarYear.HolidayRange> holidays = List.of(newYear);
        List<CalendarYear.MakeUpDay> workdays = List.of();
        switch (problem) {
            case "year out of range" -> year = 1999;
            case "no notice" -> notice = " ";
            case "no holidays" -> holidays = List.of();
            case "holiday without name" -> holidays = List.of(new CalendarYear.HolidayRange("", newYear.from(), newYear.to()));
            case "holiday in another year" -> holidays = List.of(new CalendarYear.HolidayRange("元旦",
                    LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1)));
            case "holiday ends before start" -> holidays = List.of(new CalendarYear.HolidayRange("元旦",
                    LocalDate.of(2027, 1, 3), LocalDate.of(2027, 1, 1)));
            case "overlapping holidays" -> holidays = List.of(newYear, newYear);
            case "make-up day on a weekday" -> workdays = List.of(new CalendarYear.MakeUpDay(LocalDate.of(2027, 1, 4), null));
            case "make-up day is a holiday" -> {
                holidays = List.of(new CalendarYear.HolidayRange("元旦", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 3)));
                workdays = List.of(new CalendarYear.MakeUpDay(LocalDate.of(2027, 1, 2), null));
            }
            default -> throw new IllegalArgumentException(problem);
        }
        var calendarYear = new CalendarYear(year, notice, holidays, workdays);
        assertThatThrownBy(calendarYear::validated).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }
}
