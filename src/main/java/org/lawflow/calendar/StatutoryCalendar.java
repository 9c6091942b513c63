package org.lawflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable snapshot of the calendar: the years with a loaded State Council notice, the years derived from the
 * holiday regulation alone (provisional, {@link HolidayRegulation}), and each agency's local rest days
 * (全国年节及纪念日放假办法第四条). Only a year outside {@link HolidayRegulation#FIRST_YEAR}-
 * {@link HolidayRegulation#LAST_YEAR} without a notice is an error.
 */
final class StatutoryCalendar {

    /** What the calendar knows of a day. */
    enum DayKind {
        WORK, REST,
        /** A weekend near a holiday of a provisional year: the notice may make it a working day. */
        MAYBE_WORK,
        /** A weekday near a holiday of a provisional year: the notice may make it a rest day. */
        MAYBE_REST
    }

    /** Which end of a provisional deadline: uncertain days counted as working (earliest) or as rest (latest). */
    enum Bound {
        EARLIEST, LATEST
    }

    private final Map<Integer, CalendarYear> years = new TreeMap<>();
    private final Map<LocalDate, String> restDays = new TreeMap<>();
    private final Map<LocalDate, String> makeUpDays = new TreeMap<>();
    private final Map<String, Map<LocalDate, String>> localRestDays;
    private final Map<Integer, HolidayRegulation.ProvisionalYear> provisional = new ConcurrentHashMap<>();

    StatutoryCalendar(Collection<CalendarYear> known) {
        this(known, Map.of());
    }

    StatutoryCalendar(Collection<CalendarYear> known, Map<String, Map<LocalDate, String>> localRestDays) {
        for (CalendarYear year : known) {
            years.put(year.year(), year);
            restDays.putAll(year.restDays());
            makeUpDays.putAll(year.makeUpDays());
        }
        Map<String, Map<LocalDate, String>> local = new TreeMap<>();
        localRestDays.forEach((agency, days) -> local.put(agency, Map.copyOf(days)));
        this.localRestDays = Map.copyOf(local);
    }

    /** The same notices with other local rest days. */
    StatutoryCalendar withLocalRestDays(Map<String, Map<LocalDate, String>> local) {
        return new StatutoryCalendar(years.values(), local);
    }

    /** The years with a loaded notice. */
    List<Integer> years() {
        return List.copyOf(years.keySet());
    }

    Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    boolean hasNotice(int year) {
        return years.containsKey(year);
    }

    /** The regulation's view of a year without a notice. */
    HolidayRegulation.ProvisionalYear provisionalYear(int year) {
        if (!HolidayRegulation.supports(year)) {
            throw new CalendarNotCoveredException(LocalDate.of(Math.max(1, Math.min(9999, year)), 1, 1), years());
        }
        return provisional.computeIfAbsent(year, HolidayRegulation::provisional);
    }

    Map<LocalDate, String> localRestDays(String agency) {
        return agency == null ? Map.of() : localRestDays.getOrDefault(agency, Map.of());
    }

    Map<String, Map<LocalDate, String>> localRestDays() {
        return localRestDays;
    }

    /** The national kind of a day (local rest days not included). */
    DayKind kind(LocalDate day) {
        if (!years.containsKey(day.getYear())) {
            var year = provisionalYear(day.getYear());
            if (year.restDays().containsKey(day)) {
                return DayKind.REST;
            }
            if (year.maybeWork().containsKey(day)) {
                return DayKind.MAYBE_WORK;
            }
            if (year.maybeRest().containsKey(day)) {
                return DayKind.MAYBE_REST;
            }
            return weekend(day) ? DayKind.REST : DayKind.WORK;
        }
        if (makeUpDays.containsKey(day)) {
            return DayKind.WORK;
        }
        if (restDays.containsKey(day)) {
            return DayKind.REST;
        }
        return weekend(day) ? DayKind.REST : DayKind.WORK;
    }

    /** Whether {@code day} counts as a working day for {@code agency} at the given bound (stateless reading). */
    boolean isWorkingDay(LocalDate day, String agency, Bound bound) {
        return new Reader(agency, bound).isWorkingDay(day);
    }

    /** A reader for one count: at the latest bound it spends each festival's rest budget on the first days met. */
    Reader reader(String agency, Bound bound) {
        return new Reader(agency, bound);
    }

    final class Reader {
        private final String agency;
        private final Bound bound;
        private final Map<String, Integer> restUsed = new java.util.HashMap<>();

        private Reader(String agency, Bound bound) {
            this.agency = agency;
            this.bound = bound;
        }

        boolean isWorkingDay(LocalDate day) {
            if (localRestDays(agency).containsKey(day)) {
                return false;
            }
            return switch (kind(day)) {
                case WORK -> true;
                case REST -> false;
                case MAYBE_WORK -> bound == Bound.EARLIEST;
                case MAYBE_REST -> bound == Bound.EARLIEST || !spendRestBudget(day);
            };
        }

        private boolean spendRestBudget(LocalDate day) {
            var year = provisionalYear(day.getYear());
            String festival = year.maybeRest().get(day);
            String key = day.getYear() + festival;
            int used = restUsed.getOrDefault(key, 0);
            if (used >= year.restBudget(festival)) {
                return false;
            }
            restUsed.put(key, used + 1);
            return true;
        }
    }

    /** Working day on the national calendar, uncertain days read as the notice usually has them: weekdays work. */
    boolean isWorkingDay(LocalDate day) {
        DayKind kind = kind(day);
        return kind == DayKind.WORK || kind == DayKind.MAYBE_REST;
    }

    boolean isProvisional(LocalDate day) {
        return !years.containsKey(day.getYear());
    }

    /** The name of a rest day ("春节", "周六", a local holiday), or null for a working day. */
    String restDayName(LocalDate day, String agency, Bound bound) {
        if (isWorkingDay(day, agency, bound)) {
            return null;
        }
        String local = localRestDays(agency).get(day);
        if (local != null) {
            return local;
        }
        String holiday = restDays.get(day);
        if (holiday == null && !years.containsKey(day.getYear())) {
            var year = provisionalYear(day.getYear());
            holiday = year.restDays().containsKey(day) ? year.restDays().get(day)
                    : year.maybeRest().containsKey(day) ? year.maybeRest().get(day) + "前后可能放假（暂定）" : null;
        }
        return holiday != null ? holiday : day.getDayOfWeek() == DayOfWeek.SATURDAY ? "周六" : "周日";
    }

    /** The last day of the run of notice years that contains {@code today}; empty if today's year has none. */
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

    private static boolean weekend(LocalDate day) {
        return HolidayRegulation.isWeekend(day);
    }
}
