package org.lawflow.calendar;

import java.time.LocalDate;

/**
 * A computed deadline: counted from {@code from} (not itself counted), due at the end of {@code due}. {@code rule}
 * says in Chinese how it was counted, {@code basis} the legal basis of the period and the counting. On a year without
 * a loaded holiday notice {@code provisional} is true and {@code earliest}/{@code latest} bound the real deadline;
 * otherwise both equal {@code due}.
 */
public record Deadline(LocalDate from, LocalDate due, String rule, String basis, boolean provisional,
        LocalDate earliest, LocalDate latest) {

    public Deadline {
        earliest = earliest == null ? due : earliest;
        latest = latest == null ? due : latest;
    }
}
