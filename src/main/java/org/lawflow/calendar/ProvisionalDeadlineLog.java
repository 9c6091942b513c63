package org.lawflow.calendar;

/**
 * Where a deadline that the engine computed on a provisional year is written down (period, start, whose right, the
 * date used), in the engine's own transaction, so that it can be recomputed once the year's notice is entered.
 */
interface ProvisionalDeadlineLog {

    ProvisionalDeadlineLog NONE = (execution, period, unit, amount, protects, deadline) -> {
    };

    void record(EngineExecution execution, String period, StatutoryPeriod.Unit unit, int amount,
            StatutoryPeriod.Protects protects, Deadline deadline);
}
