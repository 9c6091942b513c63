package org.lawflow.bench;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The measured figures in order: printed as a table and written as JSON with the same names. */
final class Figures {

    record Figure(String name, Object value, String unit, String target, Boolean pass) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();

    void add(String name, Object value, String unit) {
        figures.add(new Figure(name, value, unit, "", null));
    }

    /** A figure with a target; {@code pass} says whether the measured value meets it. */
    void add(String name, Object value, String unit, String target, boolean pass) {
        figures.add(new Figure(name, value, unit, target, pass));
    }

    void machine(String name, Object value) {
        machine.put(name, value);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    String table() {
        var out = new StringBuilder();
        String format = "%-34s %14s  %-6s %-16s %s%n";
        out.append(String.format(format, "figure", "value", "unit", "target", "result"));
        out.append("-".repeat(80)).append('\n');
        for (Figure f : figures) {
            String value = f.value() instanceof Double d ? String.format("%.2f", d) : String.valueOf(f.value());
            out.append(String.format(format, f.name(), value, f.unit(), f.target(),
                    f.pass() == null ? "" : f.pass() ? "PASS" : "FAIL"));
        }
        machine.forEach((k, v) -> out.append(String.format("%-34s %s%n", k, v)));
        return out.toString();
    }

    void writeJson(File file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        for (Figure f : figures) {
            values.put(f.name(), f.value());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("unit", f.unit());
            if (f.pass() != null) {
                detail.put("target", f.target());
                detail.put("pass", f.pass());
            }
            details.put(f.name(), detail);
        }
        json.put("figures", values);
        json.put("targets", details);
        json.put("machine", machine);
        if (file.getParentFile() != null) {
            file.getParentFile().mkdirs();
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file, json);
    }
}
