package org.lawflow.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A deadline needs a day of a year for which no State Council holiday notice is loaded. LawFlow never guesses
 * (a weekend-only count would be wrong as soon as the notice moves a working day): an administrator must add
 * the year (PUT /api/calendar/years/{year}). In /api this is a 422 problem detail.
 */
public class CalendarNotCoveredException extends RuntimeException {

    private final LocalDate date;
    private final List<Integer> coveredYears;

    public CalendarNotCoveredException(LocalDate date, List<Integer> coveredYears) {
        super("法定节假日日历未包含" + date.getYear() + "年（计算期限需要" + date + "），已有年份：" + coveredYears
                + "。请管理员根据国务院办公厅" + date.getYear() + "年部分节假日安排的通知添加该年度（PUT /api/calendar/years/"
                + date.getYear() + "）");
        this.date = date;
        this.coveredYears = List.copyOf(coveredYears);
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
