package org.lawflow.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Ranges every input must keep, for {@code /api}, task completions and start forms alike (issue #27, item 5): text
 * without control characters, amounts that are finite, non-negative numbers ("NaN" and "-0.0" printed as
 * "NaN元" in a 决定书), dates of past events between 2000-01-01 and today. Each refusal is an
 * {@link InvalidInputException} naming the field.
 */
public final class InputChecks {

    /** No document, delivery or request in a case predates this. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** A past event may be dated this many days ahead of the server's today (time zones, a date entered at midnight). */
    static final int PAST_MARGIN_DAYS = 1;
    /** How far ahead an appointment (a hearing) may be set. */
    static final int FUTURE_YEARS = 2;

    /** The text unchanged; refused if it has a control character other than tab, line feed and carriage return. */
    public static String text(String field, String value) {
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c != '\t' && c != '\n' && c != '\r' && (c < 0x20 || c >= 0x7f && c <= 0x9f)) {
                    throw new InvalidInputException(field, "不得含有控制字符（如 NUL，U+"
                            + String.format("%04X", (int) c) + "）");
                }
            }
        }
        return value;
    }

    /**
     * An amount of money in 元 as a form, the engine REST or a variable gives it (number or text); null when missing
     * or blank. Refuses what is not a finite number, negatives (also "-0"), more than two decimals and more than
     * 100 million (the bound of a case registration).
     */
    public static BigDecimal amount(String field, Object value) {
        String s = value == null ? "" : String.valueOf(value).strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.matches("(?i)[+-]?(nan|infinity|inf)")) {
            throw new InvalidInputException(field, "应为有限的数字（不接受 NaN、Infinity）");
        }
        if (s.startsWith("-")) {
            throw new InvalidInputException(field, "金额不得为负数（含 -0）");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "应为数字：" + abbreviate(s));
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, "金额最多保留两位小数");
        }
        if (amount.compareTo(new BigDecimal("100000000")) > 0) {
            throw new InvalidInputException(field, "金额超出合理范围（不超过1亿元）");
        }
        return amount;
    }

    /** The day of something that has happened: from 2000-01-01 to today. */
    public static LocalDate pastDate(String field, LocalDate date) {
        if (date != null) {
            notBefore2000(field, date);
            if (date.isAfter(ChinaTime.today().plusDays(PAST_MARGIN_DAYS))) {
                throw new InvalidInputException(field, "日期不能晚于今天");
            }
        }
        return date;
    }

    /** The moment something happened (a request received): from 2000-01-01 to now. */
    public static OffsetDateTime pastMoment(String field, OffsetDateTime moment) {
        if (moment != null) {
            notBefore2000(field, moment.atZoneSameInstant(ChinaTime.ZONE).toLocalDate());
            if (moment.isAfter(ChinaTime.nowOffset().plusMinutes(5))) {
                throw new InvalidInputException(field, "时间不能晚于当前时间");
            }
        }
        return moment;
    }

    /** The day of an appointment: from 2000-01-01 to two years ahead (the statutory checks come on top). */
    public static LocalDate appointmentDate(String field, LocalDate date) {
        if (date != null) {
            notBefore2000(field, date);
            if (date.isAfter(ChinaTime.today().plusYears(FUTURE_YEARS))) {
                throw new InvalidInputException(field, "日期超出合理范围（不晚于两年后）");
            }
        }
        return date;
    }

    /** The date part of a form's or the engine's date text ("2026-11-23", "2026-11-23T09:30", …). */
    public static LocalDate parseDate(String field, Object value) {
        String s = value == null ? "" : String.valueOf(value).strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "日期格式无效（应为 YYYY-MM-DD）：" + abbreviate(s));
        }
    }

    private static void notBefore2000(String field, LocalDate date) {
        if (date.isBefore(EARLIEST)) {
            throw new InvalidInputException(field, "日期不得早于2000年1月1日");
        }
    }

    private static String abbreviate(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private InputChecks() {
    }
}
