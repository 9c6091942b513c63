package org.lawflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;

/**
 * 《全国年节及纪念日放假办法》: which days of a year are statutory rest days by the regulation alone, for years whose
 * State Council General Office notice is not loaded. Lunar dates and the solar term 清明 come from the lunar-calendar
 * library (cn.6tail:lunar), never from a table written here.
 * <ul>
 * <li>2013 revision, in force 2014-01-01 to 2024-12-31: 元旦 1, 春节 3 (正月初一至初三), 清明 1, 劳动节 1, 端午 1,
 * 中秋 1, 国庆 3.</li>
 * <li>2024 revision, in force 2025-01-01: 春节 4 (农历除夕、正月初一至初三), 劳动节 2 (5月1日、2日); the rest as before.</li>
 * </ul>
 * What only the annual notice fixes: where a holiday falling on a weekend is made up (补假, 第六条), and the swaps
 * (调休: rest weekdays next to a holiday, worked weekends near it). Those days are "uncertain": a weekday within
 * {@link #WEEKDAY_WINDOW_BEFORE} days before / the festival's weekday window after a festival may become rest, a weekend
 * within the weekend window may become a working day. The windows are practice, not law; {@code ProvisionalBoundsTest}
 * checks them against the 2024-2026 notices (every real deadline lies between the bounds).
 */
final class HolidayRegulation {

    /** The 2013 revision took effect on 2014-01-01; before that the festivals differed (春节 除夕至初二). */
    static final int FIRST_YEAR = 2014;
    /** The last year LawFlow derives; later years are a clear error (the regulation may well change by then). */
    static final int LAST_YEAR = 2050;
    static final int REVISION_2024_FROM = 2025;

    static final int WEEKDAY_WINDOW_BEFORE = 3;
    static final int WEEKDAY_WINDOW_AFTER_LONG = 7;
    static final int WEEKDAY_WINDOW_AFTER_SHORT = 3;
    static final int WEEKEND_WINDOW_LONG = 14;
    static final int WEEKEND_WINDOW_SHORT = 7;
    /**
     * How many weekdays of a festival's window a notice makes rest at most (补假 and swaps). Seen 2024-2026: up to 4
     * next to 春节 (2024, 3-day 春节), 3 next to 国庆 (2026), 2 next to 劳动节, 1 next to a one-day festival. The latest
     * bound counts the first ones met as rest, which is the latest any such placement can make a deadline.
     */
    static final int REST_BUDGET_LONG = 4;
    static final int REST_BUDGET_SHORT = 2;

    /** One festival of the regulation: its statutory days, and whether the notices usually build a long break. */
    record Festival(String name, List<LocalDate> days, boolean longBreak) {

        LocalDate first() {
            return days.get(0);
        }

        LocalDate last() {
            return days.get(days.size() - 1);
        }
    }

    /**
     * A year as far as the regulation decides it: statutory rest days, weekdays that may become rest (value: the
     * festival whose window they are in) and weekends that may become working days.
     */
    record ProvisionalYear(int year, List<Festival> festivals, Map<LocalDate, String> restDays,
            Map<LocalDate, String> maybeRest, Map<LocalDate, String> maybeWork) {

        /** At most how many of the festival's uncertain weekdays the notice makes rest. */
        int restBudget(String festival) {
            return festivals.stream().filter(f -> f.name().equals(festival)).findFirst()
                    .map(f -> f.longBreak() ? REST_BUDGET_LONG : REST_BUDGET_SHORT).orElse(REST_BUDGET_SHORT);
        }
    }

    private HolidayRegulation() {
    }

    static boolean supports(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** The revision that governs {@code year}, as cited in rule texts. */
    static String revision(int year) {
        return year >= REVISION_2024_FROM ? "全国年节及纪念日放假办法（2024年修订）" : "全国年节及纪念日放假办法（2013年修订）";
    }

    /** The seven festivals of {@code year} with their statutory days. */
    static List<Festival> festivals(int year) {
        if (!supports(year)) {
            throw new IllegalArgumentException("year outside " + FIRST_YEAR + "-" + LAST_YEAR + ": " + year);
        }
        boolean revised = year >= REVISION_2024_FROM;
        Solar lunarNewYear = Lunar.fromYmd(year, 1, 1).getSolar();
        LocalDate newYearDay = date(lunarNewYear);
        LocalDate qingming = date(Lunar.fromYmd(year, 1, 1).getJieQiTable().get("清明"));
        if (qingming.getYear() != year) {
            throw new IllegalStateException("清明 of " + year + " computed as " + qingming);
        }
        List<Festival> festivals = new ArrayList<>();
        festivals.add(new Festival("元旦", List.of(LocalDate.of(year, 1, 1)), false));
        festivals.add(new Festival("春节", run(revised ? newYearDay.minusDays(1) : newYearDay, revised ? 4 : 3), true));
        festivals.add(new Festival("清明节", List.of(qingming), false));
        festivals.add(new Festival("劳动节", run(LocalDate.of(year, 5, 1), revised ? 2 : 1), true));
        festivals.add(new Festival("端午节", List.of(date(Lunar.fromYmd(year, 5, 5).getSolar())), false));
        festivals.add(new Festival("中秋节", List.of(date(Lunar.fromYmd(year, 8, 15).getSolar())), false));
        festivals.add(new Festival("国庆节", run(LocalDate.of(year, 10, 1), 3), true));
        return List.copyOf(festivals);
    }

    /** The certain rest days and the uncertain days of {@code year}. */
    static ProvisionalYear provisional(int year) {
        List<Festival> festivals = festivals(year);
        Map<LocalDate, String> rest = new TreeMap<>();
        festivals.forEach(f -> f.days().forEach(d -> rest.merge(d, f.name(), (a, b) -> a + "、" + b)));
        Map<LocalDate, String> maybeRest = new TreeMap<>();
        Map<LocalDate, String> maybeWork = new TreeMap<>();
        for (Festival f : festivals) {
            int weekend = f.longBreak() ? WEEKEND_WINDOW_LONG : WEEKEND_WINDOW_SHORT;
            int after = f.longBreak() ? WEEKDAY_WINDOW_AFTER_LONG : WEEKDAY_WINDOW_AFTER_SHORT;
            for (LocalDate d = f.first().minusDays(weekend); !d.isAfter(f.last().plusDays(weekend)); d = d.plusDays(1)) {
                if (d.getYear() != year || rest.containsKey(d)) {
                    continue;
                }
                if (isWeekend(d)) {
                    maybeWork.putIfAbsent(d, f.name() + "前后可能调休上班");
                } else if (!d.isBefore(f.first().minusDays(WEEKDAY_WINDOW_BEFORE)) && !d.isAfter(f.last().plusDays(after))) {
                    maybeRest.putIfAbsent(d, f.name());
                }
            }
        }
        return new ProvisionalYear(year, festivals, rest, maybeRest, maybeWork);
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static List<LocalDate> run(LocalDate first, int days) {
        List<LocalDate> run = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            run.add(first.plusDays(i));
        }
        return List.copyOf(run);
    }

    private static LocalDate date(Solar solar) {
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }
}
