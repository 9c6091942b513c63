package org.lawflow.calendar;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/** Whether the calendar needs an administrator: the same judgement as the health component, for other modules. */
@Component
public class StatutoryCalendarStatus {

    /** The years whose notice is missing, and the message for people. */
    public record Warning(String years, String message) {
    }

    private final StatutoryCalendarHealthIndicator health;

    StatutoryCalendarStatus(StatutoryCalendarHealthIndicator health) {
        this.health = health;
    }

    public Optional<Warning> warningOn(LocalDate today) {
        var h = health.healthOn(today);
        if (Status.UP.equals(h.getStatus())) {
            return Optional.empty();
        }
        Object years = h.getDetails().get("provisionalYears");
        String text = years instanceof java.util.List<?> list
                ? String.join("、", list.stream().map(String::valueOf).toList()) : String.valueOf(years);
        return Optional.of(new Warning(text, String.valueOf(h.getDetails().get("message"))));
    }
}
