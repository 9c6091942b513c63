package org.lawflow.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A deadline needs a day of a year that has no loaded State Council holiday notice and lies outside the years the
 * holiday regulation is applied to ({@link HolidayRegulation#FIRST_YEAR}-{@link HolidayRegulation#LAST_YEAR}).
 * In /api this is a 422 problem detail.
 */
public class CalendarNotCoveredException extends RuntimeException {

    private final LocalDate date;
    private final List<Integer> coveredYears;
    private String field;

    public CalendarNotCoveredException(LocalDate date, List<Integer> coveredYears) {
        super("期限计算超出支持范围：" + date.getYear() + "年既无国务院办公厅放假通知（已载入：" + coveredYears
                + "），也不在按《全国年节及纪念日放假办法》推算的范围（" + HolidayRegulation.FIRST_YEAR + "—"
                + HolidayRegulation.LAST_YEAR + "年）内；如确需计算，请管理员载入该年度通知（PUT /api/calendar/years/"
                + date.getYear() + "）");
        this.date = date;
        this.coveredYears = List.copyOf(coveredYears);
    }

    /** The same refusal, naming the request field whose date led out of range. */
    public CalendarNotCoveredException forField(String name) {
        this.field = name;
        return this;
    }

    /** The request field, or null when the date did not come from one. */
    public String field() {
        return field;
    }

    public LocalDate date() {
        return date;
    }

    public int year() {
        return date.getYear();
    }

    public List<Integer> coveredYears() {
        return coveredYears;
    }
}
