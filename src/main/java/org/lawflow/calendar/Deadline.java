package org.lawflow.calendar;

/**
 * A computed deadline: counted from {@code from} (not itself counted), due at the end of {@code due}.
 * {@code rule} says in Chinese how it was counted, {@code basis} the legal basis of the period and the counting.
 */
public record Deadline(java.time.LocalDate from, java.time.LocalDate due, String rule, String basis) {
}
