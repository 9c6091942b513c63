package org.lawflow.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The input fields a Camunda Form (forms/*.form) declares, by variable name. Display-only components (text,
 * spacer, …) declare nothing; a read-only field is declared, since Tasklist sends it back with the form.
 */
final class FormFields {

    /**
     * A form field: its component type ({@code number}, {@code datetime}, …), date subtype, and for a dynamic list
     * the keys of one item's fields.
     */
    record Field(String key, String type, String subtype, Set<String> itemKeys) {

        Field(String key, String type, String subtype) {
            this(key, type, subtype, Set.of());
        }

        /** A taglist or checklist: the value is a list of the picked options' values (a Json variable). */
        boolean isList() {
            return LISTS.contains(type);
        }

        /** A dynamic list: a list of items, each an object of {@link #itemKeys} (a Json variable). */
        boolean isDynamicList() {
            return DYNAMIC_LIST.equals(type);
        }

        boolean isNumber() {
            return "number".equals(type);
        }

        boolean isDate() {
            return "datetime".equals(type);
        }

        /** A {@code date} field records a day something happened (送达日期, 讨论日期); a date-time is an appointment. */
        boolean isPastDay() {
            return isDate() && "date".equals(subtype);
        }
    }

    private static final Set<String> LISTS = Set.of("taglist", "checklist");
    private static final String DYNAMIC_LIST = "dynamiclist";
    private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "spacer", "separator", "image", "button",
            "iframe", "table", "documentPreview");

    static Map<String, Field> of(JsonNode form) {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(form.path("components"), fields);
        return Map.copyOf(fields);
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            String key = component.path("key").asText("");
            if (DYNAMIC_LIST.equals(type)) {
                // binds the variable at its path; its fields are each item's keys, not variables
                String path = component.path("path").asText("");
                Map<String, Field> items = new LinkedHashMap<>();
                collect(component.path("components"), items);
                if (!path.isEmpty()) {
                    String variable = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
                    fields.put(variable, new Field(variable, type, null, Set.copyOf(items.keySet())));
                }
                continue;
            }
            if (!key.isEmpty() && !DISPLAY_ONLY.contains(type)) {
                // a key "a.b" binds the variable a
                String variable = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
                fields.put(variable, new Field(variable, type, component.path("subtype").asText(null)));
            }
            collect(component.path("components"), fields);
        }
    }

    private FormFields() {
    }
}
