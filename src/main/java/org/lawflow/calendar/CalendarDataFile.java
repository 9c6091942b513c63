package org.lawflow.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.lawflow.system.InvalidInputException;

/** Reads {@code calendar/cn-holidays.csv} (format described in the file's header). */
final class CalendarDataFile {

    static final String RESOURCE = "calendar/cn-holidays.csv";

    private CalendarDataFile() {
    }

    static List<CalendarYear> load() {
        InputStream in = CalendarDataFile.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Statutory calendar data file missing on the classpath: " + RESOURCE);
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CalendarYear> parse(List<String> lines) {
        List<CalendarYear> years = new ArrayList<>();
        Builder current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split(",", -1);
            try {
                switch (cols[0]) {
                    case "year" -> {
                        if (current != null) {
                            years.add(current.build());
                        }
                        current = new Builder(Integer.parseInt(cols[1]), cols[2].strip());
                    }
                    case "holiday" -> requireYear(current).holidays.add(new CalendarYear.HolidayRange(
                            cols[3].strip(), LocalDate.parse(cols[1]), LocalDate.parse(cols[2])));
                    case "workday" -> requireYear(current).workdays.add(
                            new CalendarYear.MakeUpDay(LocalDate.parse(cols[1]), cols[2].strip()));
                    default -> throw new IllegalArgumentException("unknown row kind " + cols[0]);
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": " + detail(e) + ": " + line, e);
            }
        }
        if (current != null) {
            years.add(current.build());
        }
        return years;
    }

    private static String detail(RuntimeException e) {
        return e instanceof InvalidInputException invalid ? invalid.field() + " " + e.getMessage() : e.toString();
    }

    private static Builder requireYear(Builder current) {
        if (current == null) {
            throw new IllegalArgumentException("row before the first 'year' row");
        }
        return current;
    }

    private static final class Builder {
        final int year;
        final String notice;
        final List<CalendarYear.HolidayRange> holidays = new ArrayList<>();
        final List<CalendarYear.MakeUpDay> workdays = new ArrayList<>();

        Builder(int year, String notice) {
            this.year = year;
            this.notice = notice;
        }

        CalendarYear build() {
            return new CalendarYear(year, notice, holidays, workdays).validated().complete(false, null);
        }
    }
}
