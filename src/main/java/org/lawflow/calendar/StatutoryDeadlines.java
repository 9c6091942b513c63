package org.lawflow.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one deadline service of LawFlow, Spring bean {@code deadlines}, used from BPMN expressions, e.g.
 * {@code camunda:dueDate="${deadlines.due('LEGAL_REVIEW', now())}"} or a timer {@code timeDate}.
 * <ul>
 * <li>Working days (行政处罚法第八十五条): N working days after D = the Nth working day after D (D not counted);
 * working days are weekdays and 调休 make-up days, minus statutory holidays.</li>
 * <li>Calendar days (民事诉讼法第八十五条): D + N (the first day is not counted); if that day is a rest day (holiday,
 * or a weekend that is not a make-up day) the period ends on the next working day.</li>
 * <li>Hours: the exact moment + N hours.</li>
 * </ul>
 * Day-based deadlines end at 23:59:59 of the due day in {@code lawflow.zone} (default Asia/Shanghai). A count that
 * reaches a year without a loaded State Council notice throws {@link CalendarNotCoveredException}.
 * {@code from} may be a {@link Date}, {@link LocalDate}, {@link LocalDateTime}, {@link OffsetDateTime},
 * {@link ZonedDateTime}, {@link Instant}, a String {@code YYYY-MM-DD} or ISO date-time, or null (= now).
 */
public class StatutoryDeadlines {

    public static final String WORKDAY_BASIS = "行政处罚法第八十五条";
    public static final String CALENDAR_DAY_BASIS = "民事诉讼法第八十五条";
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** The largest N accepted for one count: beyond that it is an input error, not a deadline. */
    public static final int MAX_AMOUNT = 366;

    private volatile StatutoryCalendar calendar;
    private final Map<StatutoryPeriod, Integer> amounts;
    private final ZoneId zone;
    private final Clock clock;

    StatutoryDeadlines(StatutoryCalendar calendar, Map<StatutoryPeriod, Integer> amounts, ZoneId zone, Clock clock) {
        this.calendar = calendar;
        this.amounts = new EnumMap<>(StatutoryPeriod.class);
        for (StatutoryPeriod p : StatutoryPeriod.values()) {
            this.amounts.put(p, amounts.getOrDefault(p, p.defaultAmount()));
        }
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * A ready instance on the bundled data file (plus any {@link CalendarSupplement}, i.e. the tests' synthetic
     * years) with the default periods: no Spring, no database (process tests).
     */
    public static StatutoryDeadlines fromDataFile() {
        return new StatutoryDeadlines(new StatutoryCalendar(CalendarDataFile.loadWithSupplements()), Map.of(),
                DEFAULT_ZONE, Clock.system(DEFAULT_ZONE));
    }

    // ---- BPMN expression API ----------------------------------------------------------------------------

    /** The deadline of the named {@link StatutoryPeriod} counted from {@code from}. */
    public Date due(String period, Object from) {
        StatutoryPeriod p = period(period);
        if (p.unit() == StatutoryPeriod.Unit.HOURS) {
            return hoursAfter(from, amount(p));
        }
        return endOfDay(deadline(p, toLocalDate(from)).due());
    }

    public Date workdaysAfter(Object from, int n) {
        return endOfDay(workdays(toLocalDate(from), n).due());
    }

    public Date calendarDaysAfter(Object from, int n) {
        return endOfDay(days(toLocalDate(from), n).due());
    }

    public Date hoursAfter(Object from, int n) {
        requireAmount(n);
        return Date.from(toInstant(from).plusSeconds(3600L * n));
    }

    // ---- Java API -----------------------------------------------------------------------------------------

    public Deadline deadline(StatutoryPeriod period, LocalDate from) {
        int n = amount(period);
        Deadline counted = switch (period.unit()) {
            case WORKDAYS -> workdays(from, n);
            case DAYS -> days(from, n);
            case HOURS -> new Deadline(from, from.atStartOfDay().plusHours(n).toLocalDate(),
                    n + "小时，自事件发生时起算", "");
        };
        String note = period.note() == null ? "" : "（" + period.note() + "）";
        String basis = period.basis() + (counted.basis().isEmpty() ? "" : "；期间计算：" + counted.basis());
        return new Deadline(from, counted.due(), period.chineseName() + "：" + counted.rule() + note, basis);
    }

    /** N working days after {@code from}: the Nth working day after it ({@code from} itself is not counted). */
    public Deadline workdays(LocalDate from, int n) {
        requireAmount(n);
        StatutoryCalendar cal = calendar;
        LocalDate day = from;
        for (int counted = 0; counted < n;) {
            day = day.plusDays(1);
            if (cal.isWorkingDay(day)) {
                counted++;
            }
        }
        return new Deadline(from, day, n + "个工作日：起算日不计入，自次日起按工作日计算，不含法定节假日和周末（调休上班日计入）",
                WORKDAY_BASIS);
    }

    /** N calendar days after {@code from}; a last day on a rest day moves to the next working day. */
    public Deadline days(LocalDate from, int n) {
        requireAmount(n);
        StatutoryCalendar cal = calendar;
        LocalDate last = from.plusDays(n);
        LocalDate due = last;
        while (!cal.isWorkingDay(due)) {
            due = due.plusDays(1);
        }
        String rule = n + "日：起算日不计入；期间届满的最后一日是法定节假日或休息日的，以其后的第一个工作日为届满日";
        if (!due.equals(last)) {
            rule += "（" + last + "为" + cal.restDayName(last) + "，顺延至" + due + "）";
        }
        return new Deadline(from, due, rule, CALENDAR_DAY_BASIS);
    }

    // ---- information ------------------------------------------------------------------------------------

    /** The configured amount of a period ({@code lawflow.periods.<NAME>}, else its default). */
    public int amount(StatutoryPeriod period) {
        return amounts.get(period);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        return calendar.isWorkingDay(day);
    }

    /** The years with a loaded State Council notice. */
    public List<Integer> coveredYears() {
        return calendar.years();
    }

    /** The last day the calendar can count to without a gap, starting from {@code today}'s year. */
    public Optional<LocalDate> coveredUntil(LocalDate today) {
        return calendar.coveredUntil(today);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** 23:59:59 of {@code day} in the configured zone. */
    public Date endOfDay(LocalDate day) {
        return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant());
    }

    StatutoryCalendar calendar() {
        return calendar;
    }

    void replaceCalendar(StatutoryCalendar calendar) {
        this.calendar = calendar;
    }

    // ---- conversions --------------------------------------------------------------------------------------

    static StatutoryPeriod period(String name) {
        try {
            return StatutoryPeriod.valueOf(name.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("未知的法定期间：" + name + "，可选：" + List.of(StatutoryPeriod.values()), e);
        }
    }

    private static void requireAmount(int n) {
        if (n < 0 || n > MAX_AMOUNT) {
            throw new IllegalArgumentException("期间须在0至" + MAX_AMOUNT + "之间：" + n);
        }
    }

    LocalDate toLocalDate(Object from) {
        if (from == null) {
            return today();
        }
        if (from instanceof LocalDate d) {
            return d;
        }
        if (from instanceof LocalDateTime dt) {
            return dt.toLocalDate();
        }
        if (from instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (from instanceof String s && s.strip().length() == 10) {
            return parseDate(s.strip());
        }
        if (from instanceof String s) {
            return parseDateTime(s.strip()).atZone(zone).toLocalDate();
        }
        return toInstant(from).atZone(zone).toLocalDate();
    }

    Instant toInstant(Object from) {
        if (from == null) {
            return clock.instant();
        }
        if (from instanceof Instant i) {
            return i;
        }
        if (from instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay(zone).toInstant();
        }
        if (from instanceof Date d) {
            return d.toInstant();
        }
        if (from instanceof Calendar c) {
            return c.toInstant();
        }
        if (from instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (from instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (from instanceof LocalDateTime dt) {
            return dt.atZone(zone).toInstant();
        }
        if (from instanceof LocalDate d) {
            return d.atStartOfDay(zone).toInstant();
        }
        if (from instanceof String s) {
            String text = s.strip();
            return text.length() == 10 ? parseDate(text).atStartOfDay(zone).toInstant() : parseDateTime(text);
        }
        throw new IllegalArgumentException("无法识别的起算时间类型：" + from.getClass().getName());
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("无法识别的日期（应为 YYYY-MM-DD）：" + text, e);
        }
    }

    private Instant parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return ZonedDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notZoned) {
                try {
                    return LocalDateTime.parse(text).atZone(zone).toInstant();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("无法识别的日期时间（应为 ISO 8601）：" + text, e);
                }
            }
        }
    }
}
