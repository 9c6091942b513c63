package org.lawflow.calendar;

import java.time.LocalDate;

/**
 * A due date, timer or deadline variable of a flow moved because the holiday notice of a year it was counted through
 * has been entered. Published synchronously inside the transaction that moved it, so the case record and the move
 * commit together.
 */
@org.springframework.modulith.NamedInterface("events")
public record DeadlineRecomputed(String caseNo, String agencyId, String what, String name, String period,
        LocalDate before, LocalDate after, String rule) {
}
