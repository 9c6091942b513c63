package org.lawflow.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;

/**
 * How LawFlow shows dates and times to people — pages, mails, reports, documents — always in China time
 * ({@link ChinaTime#ZONE}), whatever the server's time zone: a date as {@code 2026年12月11日（星期五）}, a time as
 * {@code 2026年12月11日 17:05}; official documents date without the weekday ({@code 2026年12月11日}). Accepts
 * {@link Date}, {@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime}, {@link LocalDate},
 * {@link LocalDateTime} (a wall time in China) and ISO text (as forms and variables hold it); {@code null} prints
 * "—", text that is no date prints as it is. Templates reach it as {@code #china} ({@link ChinaTimeDialect}).
 */
public final class ChinaTimeFormat {

    public static final String MISSING = "—";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日（EEEE）", Locale.CHINA);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm", Locale.CHINA);
    private static final DateTimeFormatter DOCUMENT_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.CHINA);
    /** RFC 5322 date of a mail's Date header, e.g. {@code Fri, 11 Dec 2026 17:05:00 +0800}. */
    private static final DateTimeFormatter MAIL_DATE = DateTimeFormatter.ofPattern("EEE, d MMM uuuu HH:mm:ss xx",
            Locale.ENGLISH);

    /** The instance behind {@code #china}: templates call the static methods on it. */
    static final ChinaTimeFormat TEMPLATES = new ChinaTimeFormat();

    private ChinaTimeFormat() {
    }

    /** {@code 2026年12月11日（星期五）}: the day in China of a date or a moment. */
    public static String date(Object value) {
        return format(value, DATE);
    }

    /** {@code 2026年12月11日 17:05} in China time; a date without a time prints as {@link #date}. */
    public static String dateTime(Object value) {
        return format(value, DATE_TIME);
    }

    /** {@code 2026年12月11日}: the date line of official documents (公文), without the weekday. */
    public static String documentDate(Object value) {
        return format(value, DOCUMENT_DATE);
    }

    /** The Date header of a mail sent at that moment, with China's offset (+0800). */
    public static String mailDate(Instant moment) {
        return MAIL_DATE.format(moment.atZone(ChinaTime.ZONE));
    }

    /** The moment in China time; null for null and for text that is no ISO date or date-time. */
    public static ZonedDateTime inChina(Object value) {
        if (value instanceof Date d) {
            return d.toInstant().atZone(ChinaTime.ZONE);
        }
        if (value instanceof Instant i) {
            return i.atZone(ChinaTime.ZONE);
        }
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(ChinaTime.ZONE);
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(ChinaTime.ZONE);
        }
        if (value instanceof LocalDateTime l) {
            return l.atZone(ChinaTime.ZONE);
        }
        if (value instanceof LocalDate l) {
            return l.atStartOfDay(ChinaTime.ZONE);
        }
        return value instanceof String s ? parse(s.strip()) : null;
    }

    private static ZonedDateTime parse(String s) {
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ChinaTime.ZONE);
            }
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(s).atZoneSameInstant(ChinaTime.ZONE);
            }
            return LocalDateTime.parse(s).atZone(ChinaTime.ZONE);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static String format(Object value, DateTimeFormatter format) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return MISSING;
        }
        ZonedDateTime time = inChina(value);
        if (time == null) {
            return String.valueOf(value).strip();
        }
        boolean dateOnly = value instanceof LocalDate || value instanceof String s && s.strip().length() == 10;
        return (dateOnly && format == DATE_TIME ? DATE : format).format(time);
    }
}
