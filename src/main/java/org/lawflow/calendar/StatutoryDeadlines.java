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
import java.util.Set;
import java.util.TreeSet;

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
 * reaches a year without a loaded State Council notice is provisional: it has an earliest and a latest possible date
 * ({@link HolidayRegulation}) and takes the one its period's {@link StatutoryPeriod.Protects} names; inside the engine
 * such a deadline is logged ({@link ProvisionalDeadlineLog}) so that it is recomputed when the notice is entered.
 * Only a year beyond {@link HolidayRegulation#LAST_YEAR} throws {@link CalendarNotCoveredException}.
 * {@code from} may be a {@link Date}, {@link LocalDate}, {@link LocalDateTime}, {@link OffsetDateTime},
 * {@link ZonedDateTime}, {@link Instant}, a String {@code YYYY-MM-DD} or ISO date-time, or null (= now).
 */
public class StatutoryDeadlines {

    public static final String WORKDAY_BASIS = "行政处罚法第八十五条";
    public static final String CALENDAR_DAY_BASIS = "民事诉讼法第八十五条";
    /** Periods in months (the procedural laws name none of their own rule for months). */
    public static final String MONTH_BASIS = "民法典第二百零一条至第二百零三条";
    public static final ZoneId DEFAULT_ZONE = org.lawflow.system.ChinaTime.ZONE;
    /** The largest N accepted for one count: beyond that it is an input error, not a deadline. */
    public static final int MAX_AMOUNT = 366;
    /** How a rule text marks a deadline counted on a year without its holiday notice. */
    public static final String PROVISIONAL_MARK = "暂定（%s年放假安排尚未载入）";

    private volatile StatutoryCalendar calendar;
    private final Map<StatutoryPeriod, Integer> amounts;
    private final ZoneId zone;
    private final Clock clock;
    private volatile ProvisionalDeadlineLog log = ProvisionalDeadlineLog.NONE;

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
     * A ready instance on the bundled data file with the default periods and the engine clock: no Spring, no
     * database (process tests).
     */
    public static StatutoryDeadlines fromDataFile() {
        return new StatutoryDeadlines(new StatutoryCalendar(CalendarDataFile.load()), Map.of(), DEFAULT_ZONE,
                org.lawflow.system.ChinaTime.CLOCK);
    }

    // ---- BPMN expression API ----------------------------------------------------------------------------

    /**
     * The deadline of the named {@link StatutoryPeriod} counted from {@code from}, for the agency of the running
     * process instance; on a provisional year the bound its period protects, logged for recomputation.
     */
    public Date due(String period, Object from) {
        StatutoryPeriod p = period(period);
        if (p.unit() == StatutoryPeriod.Unit.HOURS) {
            return hoursAfter(from, amount(p));
        }
        var engine = EngineExecution.current();
        LocalDate start = toLocalDate(from);
        Deadline d = deadline(p, start, engine.map(EngineExecution::tenantId).orElse(null));
        if (d.provisional() && engine.isPresent()) {
            log.record(engine.get(), p.name(), p.unit(), amount(p), p.protects(), d);
        }
        return endOfDay(d.due());
    }

    /** N working days as an agency duty (the earlier bound); prefer {@link #due} with a named period. */
    public Date workdaysAfter(Object from, int n) {
        return endOfDay(workdays(toLocalDate(from), n).due());
    }

    /** N calendar days as an agency duty (the earlier bound); prefer {@link #due} with a named period. */
    public Date calendarDaysAfter(Object from, int n) {
        return endOfDay(days(toLocalDate(from), n).due());
    }

    public Date hoursAfter(Object from, int n) {
        requireAmount(n);
        return Date.from(toInstant(from).plusSeconds(3600L * n));
    }

    // ---- Java API -----------------------------------------------------------------------------------------

    /** The deadline of a period on the national calendar. */
    public Deadline deadline(StatutoryPeriod period, LocalDate from) {
        return deadline(period, from, null);
    }

    /** The deadline of a period for {@code agency} (its local rest days count; null = national calendar only). */
    public Deadline deadline(StatutoryPeriod period, LocalDate from, String agency) {
        int n = amount(period);
        Deadline counted = switch (period.unit()) {
            case WORKDAYS -> workdays(from, n, agency, period.protects());
            case DAYS -> days(from, n, agency, period.protects());
            case MONTHS -> months(from, n, agency, period.protects());
            case HOURS -> new Deadline(from, from.atStartOfDay().plusHours(n).toLocalDate(),
                    n + "小时，自事件发生时起算", "", false, null, null);
        };
        String note = period.note() == null ? "" : "（" + period.note() + "）";
        String basis = period.basis() + (counted.basis().isEmpty() ? "" : "；期间计算：" + counted.basis());
        return new Deadline(from, counted.due(), period.chineseName() + "：" + counted.rule() + note, basis,
                counted.provisional(), counted.earliest(), counted.latest());
    }

    /** Counts {@code n} of {@code unit} again, e.g. when the year's notice has been entered. */
    public Deadline recount(StatutoryPeriod.Unit unit, int n, LocalDate from, String agency,
            StatutoryPeriod.Protects protects) {
        return switch (unit) {
            case DAYS -> days(from, n, agency, protects);
            case MONTHS -> months(from, n, agency, protects);
            default -> workdays(from, n, agency, protects);
        };
    }

    /** N working days after {@code from} as an agency duty, on the national calendar. */
    public Deadline workdays(LocalDate from, int n) {
        return workdays(from, n, null, StatutoryPeriod.Protects.AGENCY_DUTY);
    }

    /** N calendar days after {@code from} as an agency duty, on the national calendar. */
    public Deadline days(LocalDate from, int n) {
        return days(from, n, null, StatutoryPeriod.Protects.AGENCY_DUTY);
    }

    /** N working days after {@code from}: the Nth working day after it ({@code from} itself is not counted). */
    public Deadline workdays(LocalDate from, int n, String agency, StatutoryPeriod.Protects protects) {
        requireAmount(n);
        StatutoryCalendar cal = calendar;
        Set<Integer> provisionalYears = new TreeSet<>();
        LocalDate earliest = countWorkdays(cal, from, n, agency, StatutoryCalendar.Bound.EARLIEST, provisionalYears);
        LocalDate latest = countWorkdays(cal, from, n, agency, StatutoryCalendar.Bound.LATEST, provisionalYears);
        String rule = n + "个工作日：起算日不计入，自次日起按工作日计算，不含法定节假日和周末（调休上班日计入）"
                + localNote(cal, agency, from, latest);
        return bounded(from, earliest, latest, provisionalYears, protects, rule, WORKDAY_BASIS);
    }

    /** N calendar days after {@code from}; a last day on a rest day moves to the next working day. */
    public Deadline days(LocalDate from, int n, String agency, StatutoryPeriod.Protects protects) {
        requireAmount(n);
        return rolledToWorkingDay(from, from.plusDays(n), agency, protects,
                n + "日：起算日不计入；期间届满的最后一日是法定节假日或休息日的，以其后的第一个工作日为届满日",
                CALENDAR_DAY_BASIS);
    }

    /**
     * N months after {@code from}: the same day of the Nth month (none: that month's last day), a rest day moved to the
     * next working day.
     */
    public Deadline months(LocalDate from, int n, String agency, StatutoryPeriod.Protects protects) {
        requireAmount(n);
        return rolledToWorkingDay(from, from.plusMonths(n), agency, protects, n + "个月：起算日不计入，到期月的对应日为期间的最后一日"
                + "（没有对应日的，为该月最后一日）；最后一日是法定节假日或休息日的，以其后的第一个工作日为届满日", MONTH_BASIS);
    }

    private Deadline rolledToWorkingDay(LocalDate from, LocalDate last, String agency,
            StatutoryPeriod.Protects protects, String rule, String basis) {
        StatutoryCalendar cal = calendar;
        Set<Integer> provisionalYears = new TreeSet<>();
        LocalDate earliest = nextWorkingDay(cal, last, agency, StatutoryCalendar.Bound.EARLIEST, provisionalYears);
        LocalDate latest = nextWorkingDay(cal, last, agency, StatutoryCalendar.Bound.LATEST, provisionalYears);
        LocalDate due = protects.takesLatest() ? latest : earliest;
        if (!due.equals(last)) {
            var bound = protects.takesLatest() ? StatutoryCalendar.Bound.LATEST : StatutoryCalendar.Bound.EARLIEST;
            rule += "（" + last + "为" + cal.restDayName(last, agency, bound) + "，顺延至" + due + "）";
        }
        return bounded(from, earliest, latest, provisionalYears, protects, rule + localNote(cal, agency, from, latest),
                basis);
    }

    private static LocalDate countWorkdays(StatutoryCalendar cal, LocalDate from, int n, String agency,
            StatutoryCalendar.Bound bound, Set<Integer> provisionalYears) {
        var reader = cal.reader(agency, bound);
        LocalDate day = from;
        for (int counted = 0; counted < n;) {
            day = day.plusDays(1);
            noteProvisional(cal, day, provisionalYears);
            if (reader.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private static LocalDate nextWorkingDay(StatutoryCalendar cal, LocalDate last, String agency,
            StatutoryCalendar.Bound bound, Set<Integer> provisionalYears) {
        var reader = cal.reader(agency, bound);
        LocalDate due = last;
        noteProvisional(cal, due, provisionalYears);
        while (!reader.isWorkingDay(due)) {
            due = due.plusDays(1);
            noteProvisional(cal, due, provisionalYears);
        }
        return due;
    }

    private static void noteProvisional(StatutoryCalendar cal, LocalDate day, Set<Integer> provisionalYears) {
        if (cal.isProvisional(day)) {
            provisionalYears.add(day.getYear());
        }
    }

    private static Deadline bounded(LocalDate from, LocalDate earliest, LocalDate latest, Set<Integer> provisionalYears,
            StatutoryPeriod.Protects protects, String rule, String basis) {
        if (provisionalYears.isEmpty()) {
            return new Deadline(from, earliest, rule, basis, false, earliest, latest);
        }
        LocalDate due = protects.takesLatest() ? latest : earliest;
        String years = provisionalYears.stream().map(String::valueOf).reduce((a, b) -> a + "、" + b).orElseThrow();
        String provisional = "；" + PROVISIONAL_MARK.formatted(years) + "：按" + HolidayRegulation.revision(
                provisionalYears.iterator().next()) + "推算，届满日最早" + earliest + "、最晚" + latest + "，本期间属"
                + protects.chineseName() + "，取" + (protects.takesLatest() ? "较晚" : "较早") + "日期" + due
                + "；该年度通知载入后自动重新计算";
        return new Deadline(from, due, rule + provisional, basis, true, earliest, latest);
    }

    private static String localNote(StatutoryCalendar cal, String agency, LocalDate from, LocalDate until) {
        var local = cal.localRestDays(agency);
        if (local.isEmpty()) {
            return "";
        }
        var within = local.entrySet().stream().filter(e -> e.getKey().isAfter(from) && !e.getKey().isAfter(until))
                .map(e -> e.getKey() + e.getValue()).toList();
        return within.isEmpty() ? "" : "（含本地放假日：" + String.join("、", within) + "）";
    }

    // ---- information ------------------------------------------------------------------------------------

    /** The configured amount of a period ({@code lawflow.periods.<NAME>}, else its default). */
    public int amount(StatutoryPeriod period) {
        return amounts.get(period);
    }

    public ZoneId zone() {
        return zone;
    }

    /** Working day on the national calendar (a provisional year's uncertain days read as usual: weekdays work). */
    public boolean isWorkingDay(LocalDate day) {
        return calendar.isWorkingDay(day);
    }

    /** The years without a loaded notice from this year on that deadlines may reach (up to five years ahead). */
    public List<Integer> provisionalYears(LocalDate today) {
        List<Integer> years = new java.util.ArrayList<>();
        for (int y = today.getYear(); y <= Math.min(today.getYear() + 5, HolidayRegulation.LAST_YEAR); y++) {
            if (!calendar.hasNotice(y)) {
                years.add(y);
            }
        }
        return years;
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

    void logProvisionalDeadlinesTo(ProvisionalDeadlineLog log) {
        this.log = log;
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
