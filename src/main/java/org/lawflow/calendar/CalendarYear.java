package org.lawflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lawflow.system.InvalidInputException;

/**
 * One year of the State Council General Office notice: its citation, the rest days (ranges, both ends inclusive)
 * and the weekend days that are working days (调休上班). The same shape is the body of
 * {@code PUT /api/calendar/years/{year}} (without {@code year}) and what the data file holds.
 */
record CalendarYear(int year, String notice, List<HolidayRange> holidays, List<MakeUpDay> workdays) {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final String DEFAULT_WORKDAY_NAME = "调休上班";

    record HolidayRange(String name, LocalDate from, LocalDate to) {
    }

    record MakeUpDay(LocalDate date, String name) {
    }

    CalendarYear {
        // not List.copyOf: it throws on a null entry before validated() can name the field
        holidays = holidays == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(holidays));
        workdays = workdays == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(workdays));
    }

    /** Checks the year against the rules of a notice; the exception names the offending field. */
    CalendarYear validated() {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidInputException("year", "年份须在" + MIN_YEAR + "至" + MAX_YEAR + "之间");
        }
        if (notice == null || notice.isBlank() || notice.length() > 300) {
            throw new InvalidInputException("notice", "必填（国务院办公厅通知的文号和标题），不超过300字");
        }
        if (holidays == null || holidays.isEmpty()) {
            throw new InvalidInputException("holidays", "必填：至少一个放假区间 {name, from, to}");
        }
        Map<LocalDate, String> rest = new TreeMap<>();
        for (int i = 0; i < holidays.size(); i++) {
            HolidayRange h = holidays.get(i);
            String field = "holidays[" + i + "]";
            if (h == null) {
                throw new InvalidInputException(field, "不能为空");
            }
            if (h.name() == null || h.name().isBlank() || h.name().length() > 100) {
                throw new InvalidInputException(field + ".name", "必填（节日名称），不超过100字");
            }
            requireInYear(h.from(), field + ".from");
            requireInYear(h.to(), field + ".to");
            if (h.to().isBefore(h.from()) || h.from().plusDays(14).isBefore(h.to())) {
                throw new InvalidInputException(field + ".to", "须不早于 from，且放假区间不超过15天");
            }
            for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                if (rest.put(d, h.name().strip()) != null) {
                    throw new InvalidInputException(field, d + " 与其他放假区间重叠");
                }
            }
        }
        List<LocalDate> seen = new ArrayList<>();
        for (int i = 0; i < workdays.size(); i++) {
            MakeUpDay w = workdays.get(i);
            String field = "workdays[" + i + "]";
            if (w == null) {
                throw new InvalidInputException(field, "不能为空");
            }
            requireInYear(w.date(), field + ".date");
            if (w.date().getDayOfWeek() != DayOfWeek.SATURDAY && w.date().getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new InvalidInputException(field + ".date", w.date() + " 不是周六或周日：调休上班日只能是周末");
            }
            if (rest.containsKey(w.date()) || seen.contains(w.date())) {
                throw new InvalidInputException(field + ".date", w.date() + " 已列为放假日或重复");
            }
            if (w.name() != null && w.name().length() > 100) {
                throw new InvalidInputException(field + ".name", "不超过100字");
            }
            seen.add(w.date());
        }
        return this;
    }

    private void requireInYear(LocalDate date, String field) {
        if (date == null) {
            throw new InvalidInputException(field, "必填，格式 YYYY-MM-DD");
        }
        if (date.getYear() != year) {
            throw new InvalidInputException(field, date + " 不在" + year + "年内（跨年日期请录入所属年度）");
        }
    }

    /**
     * Checks that the notice is complete: every statutory day of 《全国年节及纪念日放假办法》 for this year is a rest day
     * (for years before the 2013 revision took effect: the seven festivals are named). A notice that really is
     * partial is accepted only with {@code partial} and a reason, so that "元旦 only" is never taken for a year.
     */
    CalendarYear complete(boolean partial, String partialReason) {
        if (partial) {
            if (partialReason == null || partialReason.isBlank() || partialReason.length() > 300) {
                throw new InvalidInputException("partialReason", "标注为部分安排（partial）时必须说明原因，不超过300字");
            }
            return this;
        }
        Map<LocalDate, String> rest = restDays();
        List<String> missing = new ArrayList<>();
        if (HolidayRegulation.supports(year)) {
            for (HolidayRegulation.Festival f : HolidayRegulation.festivals(year)) {
                List<LocalDate> absent = f.days().stream().filter(d -> !rest.containsKey(d)).toList();
                if (!absent.isEmpty()) {
                    missing.add(f.name() + absent);
                }
            }
        } else {
            for (String name : List.of("元旦", "春节", "清明", "劳动", "端午", "中秋", "国庆")) {
                if (rest.values().stream().noneMatch(n -> n.contains(name))) {
                    missing.add(name);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("holidays", year + "年的放假安排不完整，缺少法定节假日（"
                    + HolidayRegulation.revision(year) + "）：" + String.join("；", missing)
                    + "。如通知确实只含部分安排，请同时提交 \"partial\": true 和 \"partialReason\"");
        }
        return this;
    }

    /** Every rest day of the notice with its holiday name. */
    Map<LocalDate, String> restDays() {
        Map<LocalDate, String> days = new TreeMap<>();
        for (HolidayRange h : holidays) {
            for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                days.put(d, h.name().strip());
            }
        }
        return days;
    }

    /** Every make-up working day with its name. */
    Map<LocalDate, String> makeUpDays() {
        Map<LocalDate, String> days = new TreeMap<>();
        for (MakeUpDay w : workdays) {
            days.put(w.date(), w.name() == null || w.name().isBlank() ? DEFAULT_WORKDAY_NAME : w.name().strip());
        }
        return days;
    }

    /** Rebuilds the ranges from single days (consecutive days of the same name form one range). */
    static CalendarYear fromDays(int year, String notice, Map<LocalDate, String> rest, Map<LocalDate, String> makeUp) {
        List<HolidayRange> ranges = new ArrayList<>();
        LocalDate start = null;
        LocalDate end = null;
        String name = null;
        for (var e : new TreeMap<>(rest).entrySet()) {
            if (start != null && e.getKey().equals(end.plusDays(1)) && e.getValue().equals(name)) {
                end = e.getKey();
                continue;
            }
            if (start != null) {
                ranges.add(new HolidayRange(name, start, end));
            }
            start = e.getKey();
            end = e.getKey();
            name = e.getValue();
        }
        if (start != null) {
            ranges.add(new HolidayRange(name, start, end));
        }
        List<MakeUpDay> workdays = new TreeMap<>(makeUp).entrySet().stream()
                .map(e -> new MakeUpDay(e.getKey(), e.getValue())).toList();
        return new CalendarYear(year, notice, ranges, workdays);
    }
}
