package org.lawflow.hearing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Test double of the {@code deadlines} bean (contract section 1) until the statutory calendar is merged:
 * working days are Monday to Friday, no holidays; day periods end at 23:59:59 in Asia/Shanghai.
 */
public class WeekendDeadlines {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Map<String, Integer> WORKDAYS = Map.of("HEARING_REQUEST", 5, "HEARING_NOTICE", 7, "SERVICE", 7);

    public Date due(String period, Object from) {
        return workdaysAfter(from, WORKDAYS.get(period));
    }

    public Date workdaysAfter(Object from, int n) {
        LocalDate day = start(from);
        for (int i = 0; i < n; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                i++;
            }
        }
        return Date.from(LocalDateTime.of(day, LocalTime.of(23, 59, 59)).atZone(CHINA).toInstant());
    }

    static LocalDate start(Object from) {
        if (from == null) {
            return ClockUtil.getCurrentTime().toInstant().atZone(CHINA).toLocalDate();
        }
        if (from instanceof Date d) {
            return d.toInstant().atZone(CHINA).toLocalDate();
        }
        String s = from.toString();
        return s.length() == 10 ? LocalDate.parse(s) : LocalDateTime.parse(s.substring(0, 16)).toLocalDate();
    }
}
