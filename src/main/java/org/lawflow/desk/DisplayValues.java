package org.lawflow.desk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.lawflow.identity.UserNames;
import org.lawflow.system.ChinaTimeFormat;
import org.lawflow.system.CodeLabels;
import org.springframework.stereotype.Component;

/**
 * The variables of a task form as people read them, for the form headers ({@code {{display.hearingAt}}}): a date as
 * 2026年12月11日（星期五）, a time as 2026年12月15日 09:30 (China time), people by name (李强、张伟 for
 * {@code liqiang,zhangwei}), codes as Chinese labels (HELD → 已举行听证, APPROVE → 同意), yes/no as 是/否.
 */
@Component
class DisplayValues {

    /** Variables that hold user ids (one, or several separated by commas). */
    static final Set<String> PEOPLE = Set.of("caseOfficers", "recusedHosts", "hearingHost", "noteTaker", "transferTeam",
            "leadOfficer", "legalReviewer", "officers");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");

    private final UserNames names;

    DisplayValues(UserNames names) {
        this.names = names;
    }

    /** Each variable with a value, readable; {@code values}: name → value (text, number, boolean). */
    Map<String, String> of(Map<String, Object> values) {
        Map<String, String> display = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null && !String.valueOf(value).isBlank()) {
                display.put(name, text(name, value));
            }
        });
        return display;
    }

    String text(String name, Object value) {
        if (PEOPLE.contains(name)) {
            return names.list(value);
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        String s = String.valueOf(value).strip();
        if (DATE.matcher(s).matches()) {
            return ChinaTimeFormat.date(s);
        }
        if (DATE_TIME.matcher(s).matches()) {
            String iso = COMPACT_OFFSET.matcher(s).replaceFirst("$1:$2");
            var time = ChinaTimeFormat.inChina(iso);
            // a day kept as a moment (start or end of the day in China: earliest hearing day, due days) is a date
            boolean day = time != null && (time.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    || time.toLocalTime().withNano(0).equals(java.time.LocalTime.of(23, 59, 59)));
            return day ? ChinaTimeFormat.date(time) : ChinaTimeFormat.dateTime(iso);
        }
        if (value instanceof Number n) {
            return new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return CodeLabels.of(s);
    }
}
