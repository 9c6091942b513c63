package org.lawflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An immutable snapshot of the known years: which day is a working day. */
final class StatutoryCalendar {

    private final Map<Integer, CalendarYear> years = new TreeMap<>();
    private final Map<LocalDate, String> restDays = new TreeMap<>();
    private final Map<LocalDate, String> makeUpDays = new TreeMap<>();

    StatutoryCalendar(Collection<CalendarYear> known) {
        for (CalendarYear year : known) {
            years.put(year.year(), year);
            restDays.putAll(year.restDays());
            makeUpDays.putAll(year.makeUpDays());
        }
    }

    List<Integer> years() {
        return List.copyOf(years.keySet());
    }

    Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** Working day = weekday or make-up day, and not a statutory rest day; unknown year = error. */
    boolean isWorkingDay(LocalDate day) {
        if (!years.containsKey(day.getYear())) {
            throw new CalendarNotCoveredException(day, years());
        }
        if (makeUpDays.containsKey(day)) {
            return true;
        }
        if (restDays.containsKey(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The name of a rest day ("春节", "周六"), or null for a working day. */
    String restDayName(LocalDate day) {
        if (isWorkingDay(day)) {
            return null;
        }
        String holiday = restDays.get(day);
        return holiday != null ? holiday : day.getDayOfWeek() == DayOfWeek.SATURDAY ? "周六" : "周日";
    }

    /** The last day of the run of known years that contains {@code today}; empty if today's year is unknown. */
    Optional<LocalDate> coveredUntil(LocalDate today) {
        int year = today.getYear();
        if (!years.containsKey(year)) {
            return Optional.empty();
        }
        while (years.containsKey(year + 1)) {
            year++;
        }
        return Optional.of(LocalDate.of(year, 12, 31));
    }
}
