package org.lawflow.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.casefile.PenaltyHistory;
import org.lawflow.casefile.PenaltyRevision;
import org.springframework.stereotype.Component;

/**
 * What the enforcement steps need to know of a case: the decided fine, always from the penalty history (never a
 * variable a form could change), and the deadlines that run from the service of the decision.
 */
@Component
class Enforcements {

    private final PenaltyHistory penalties;
    private final StatutoryDeadlines deadlines;

    Enforcements(PenaltyHistory penalties, StatutoryDeadlines deadlines) {
        this.penalties = penalties;
        this.deadlines = deadlines;
    }

    /** The head's decided fine; empty when the decision imposes none (e.g. only 暂扣许可证件) or none is decided. */
    Optional<BigDecimal> decidedFine(UUID caseId) {
        return penalties.decided(caseId).filter(d -> PenaltyRevision.FINE.equals(d.kind()))
                .map(PenaltyRevision::amount);
    }

    /** 缴纳罚款期限: fifteen days after service (行政处罚法第六十七条), a last rest day moved on. */
    LocalDate paymentDeadline(LocalDate servedOn, String agency) {
        return deadlines.deadline(StatutoryPeriod.PAYMENT, servedOn, agency).due();
    }

    /** The day the remedy periods (复议、诉讼) end: before it, no 催告 and no application to the court. */
    LocalDate remedyPeriodsEnd(LocalDate servedOn, String agency) {
        return deadlines.deadline(StatutoryPeriod.REMEDY_PERIODS, servedOn, agency).due();
    }

    /** The working days the 催告书 gives the party to perform. */
    int demandPerformanceDays() {
        return deadlines.amount(StatutoryPeriod.DEMAND_PERFORMANCE);
    }

    /** The 加处罚款 rule of the case: its fine and its payment deadline. */
    Optional<LatePayment> latePayment(UUID caseId, LocalDate servedOn, String agency) {
        return decidedFine(caseId).map(fine -> new LatePayment(fine, paymentDeadline(servedOn, agency)));
    }
}
