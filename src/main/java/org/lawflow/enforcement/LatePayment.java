package org.lawflow.enforcement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.lawflow.system.StatutoryCount;

/**
 * 加处罚款 (行政处罚法第七十二条第一款): for each day after the payment deadline, {@link
 * StatutoryCount#LATE_PAYMENT_DAILY_PERCENT} percent of the fine, in total never more than the fine. The law says
 * 可以: the agency may charge it, less, or none, so {@link #ceiling} is the most that may be accepted, not a debt.
 * Rounded down to the 分: the party never owes a fraction the law did not impose.
 */
record LatePayment(BigDecimal fine, LocalDate deadline) {

    /** Days after the deadline up to and including {@code on}; 0 on or before the deadline. */
    long daysLate(LocalDate on) {
        return Math.max(0, ChronoUnit.DAYS.between(deadline, on));
    }

    /** The most 加处罚款 accrued by {@code on}: fine × percent × days late, capped at the fine. */
    BigDecimal ceiling(LocalDate on) {
        BigDecimal accrued = fine.multiply(BigDecimal.valueOf(StatutoryCount.LATE_PAYMENT_DAILY_PERCENT.value()))
                .multiply(BigDecimal.valueOf(daysLate(on))).divide(BigDecimal.valueOf(100));
        return accrued.min(fine).setScale(2, RoundingMode.DOWN);
    }

    /** For the forms and documents: "1800元（逾期3日）", or "0元（未逾期）". */
    String describeCeiling(LocalDate on) {
        long days = daysLate(on);
        return Money.text(ceiling(on)) + (days == 0 ? "（未逾期）" : "（逾期" + days + "日"
                + (ceiling(on).compareTo(fine) >= 0 ? "，已达罚款数额上限" : "") + "）");
    }
}
