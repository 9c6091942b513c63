package org.lawflow.documents;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.lawflow.system.ChinaTimeFormat;
import org.lawflow.system.CodeLabels;

/**
 * Template helper {@code v}: process variables as printable text. Anything missing or blank prints "—", so a
 * template never fails on a variable a flow did not (yet) produce. Public because the mail templates use it too.
 */
public final class TemplateValues {

    public static final String MISSING = "—";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Map<String, Object> vars;

    public TemplateValues(Map<String, Object> vars) {
        this.vars = vars == null ? Map.of() : vars;
    }

    public Object raw(String name) {
        return vars.get(name);
    }

    public boolean has(String name) {
        Object value = vars.get(name);
        return value != null && !String.valueOf(value).isBlank();
    }

    /** The variable as text, dates in Chinese format, booleans as 是/否; "—" when missing. */
    public String t(String name) {
        return text(vars.get(name));
    }

    /** Like {@link #t} but translates codes (APPROVE → 同意, HELD → 已举行听证, ...). */
    public String label(String name) {
        return CodeLabels.of(t(name));
    }

    /** True only for a boolean true or the text "true". */
    public boolean flag(String name) {
        Object value = vars.get(name);
        return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(String.valueOf(value).trim());
    }

    /** Date only (yyyy年M月d日, the documents' style) of a date or date-time variable. */
    public String date(String name) {
        Object value = vars.get(name);
        if (value instanceof String s && s.length() >= 10 && s.charAt(4) == '-') {
            if (s.strip().length() > 10 && ChinaTimeFormat.inChina(s) != null) {
                // a moment with a zone (form-js datetime: 2026-12-11T16:30:00Z) is a day in China, not in UTC
                return ChinaTimeFormat.documentDate(ChinaTimeFormat.inChina(s));
            }
            try {
                return ChinaTimeFormat.documentDate(LocalDate.parse(s.substring(0, 10)));
            } catch (RuntimeException e) {
                return s;
            }
        }
        return text(value);
    }

    /** Non-blank lines of a multi-line or comma-separated variable; empty when missing. */
    public List<String> lines(String name) {
        Object value = vars.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        return Arrays.stream(String.valueOf(value).split("\\r?\\n|[,，]")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The items of a list variable whose items are objects (a Json variable such as the 集体讨论's attendees with their
     * views), each as field → text; empty when missing or not such a list. Reads the JSON text of the value, so the
     * documents need no Spin.
     */
    public List<Map<String, String>> rows(String name) {
        Object value = vars.get(name);
        if (value == null) {
            return List.of();
        }
        try {
            var node = JSON.readTree(String.valueOf(value));
            if (node == null || !node.isArray()) {
                return List.of();
            }
            List<Map<String, String>> rows = new java.util.ArrayList<>();
            for (var item : node) {
                Map<String, String> row = new java.util.LinkedHashMap<>();
                item.fields().forEachRemaining(f -> row.put(f.getKey(), f.getValue().isNull() ? MISSING : text(f.getValue().asText())));
                rows.add(row);
            }
            return rows;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of();
        }
    }

    public static String text(Object value) {
        if (value == null) {
            return MISSING;
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof LocalDate d) {
            return ChinaTimeFormat.documentDate(d);
        }
        if (value instanceof Date || value instanceof LocalDateTime || value instanceof OffsetDateTime) {
            return ChinaTimeFormat.dateTime(value);
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        String s = String.valueOf(value).strip();
        if (s.isEmpty()) {
            return MISSING;
        }
        if (s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*")) {
            return ChinaTimeFormat.dateTime(s);
        }
        return s;
    }

    public static String date(LocalDate date) {
        return ChinaTimeFormat.documentDate(date);
    }

    /** A natural person's name masked for publication: 马建国 → 马**. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "*";
        }
        return name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }
}
