package org.lawflow.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads process variables as the forms, the engine REST and the app set them (text, numbers and dates arrive in
 * several types), for every flow. The flows' own {@code *Variables} classes hold their variable names.
 */
public final class ProcessVariables {

    /** The case of every case flow (a UUID as text); the name is casefile's {@code CaseFlows.VAR_CASE_ID}. */
    public static final String CASE_ID = "caseId";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessVariables() {
    }

    /**
     * A list as a form submits it (taglist, checklist, dynamiclist: a Json variable), a Java collection, or text that
     * is a JSON array or items separated by commas (the engine REST's clients); an empty array when absent or blank.
     * A Json variable reads as its JSON text ({@code SpinJsonNode#toString}), so this needs no Spin.
     *
     * @throws InvalidInputException naming the variable when the JSON is no array
     */
    public static JsonNode list(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return JSON.createArrayNode();
        }
        if (value instanceof java.util.Collection<?> items) {
            return JSON.valueToTree(items);
        }
        String s = String.valueOf(value).strip();
        if (s.startsWith("[") || s.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(s);
                if (node.isArray()) {
                    return node;
                }
            } catch (JsonProcessingException e) {
                // refused below
            }
            throw new InvalidInputException(name, "应为列表");
        }
        var array = JSON.createArrayNode();
        for (String item : s.split("[,，、;；\\s]+")) {
            if (!item.isEmpty()) {
                array.add(item);
            }
        }
        return array;
    }

    /** The value as stripped text; null when absent (blank stays blank). */
    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : String.valueOf(value).strip();
    }

    /** The value as stripped text; null when absent or blank. */
    public static String nonBlank(VariableScope scope, String name) {
        String value = string(scope, name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A flag as the engine (Boolean) or a form or REST call ("true") sets it. */
    public static boolean isTrue(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** A number as the forms and the engine REST send it (Long, Double or text); null when missing or blank. */
    public static BigDecimal decimal(VariableScope scope, String name) {
        String value = nonBlank(scope, name);
        return value == null ? null : new BigDecimal(value);
    }

    /** A UUID held as text; null when missing or blank. */
    public static UUID uuid(VariableScope scope, String name) {
        String value = nonBlank(scope, name);
        return value == null ? null : UUID.fromString(value);
    }

    /** The flow's case; every case flow carries it from its start, so a missing one is a bug, not bad input. */
    public static UUID caseId(VariableScope scope) {
        UUID id = uuid(scope, CASE_ID);
        if (id == null) {
            throw new IllegalStateException("Process variable " + CASE_ID + " is missing");
        }
        return id;
    }

    /**
     * A day in China from what a form, the engine REST or a timer left in a variable: a {@code Date} (or another
     * moment), a {@code LocalDate}, "2026-09-29", or an ISO date-time (with a zone: converted to China time;
     * without: its date part). Null for null and blank text.
     *
     * @throws java.time.format.DateTimeParseException for text that is no ISO date or date-time
     */
    public static LocalDate day(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (!(value instanceof String || value instanceof CharSequence)) {
            var inChina = ChinaTimeFormat.inChina(value);
            if (inChina != null) {
                return inChina.toLocalDate();
            }
        }
        String s = String.valueOf(value).strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() == 10) {
            return LocalDate.parse(s);
        }
        return hasZone(s) ? dateTime(s).toLocalDate() : LocalDate.parse(s.substring(0, Math.min(10, s.length())));
    }

    /** An ISO date-time from a form ("2026-10-20T09:00", with or without zone) as local time in China. */
    public static LocalDateTime dateTime(String s) {
        if (hasZone(s)) {
            return OffsetDateTime.parse(s).atZoneSameInstant(ChinaTime.ZONE).toLocalDateTime();
        }
        return LocalDateTime.parse(s);
    }

    private static boolean hasZone(String s) {
        return s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$");
    }
}
