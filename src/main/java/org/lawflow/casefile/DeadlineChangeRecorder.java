package org.lawflow.casefile;

import org.lawflow.calendar.DeadlineRecomputed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes each recomputed deadline of a case to its full-process record (行政处罚法第四十七条). */
@Component
class DeadlineChangeRecorder {

    private final CaseRepository cases;
    private final CaseEvents events;

    DeadlineChangeRecorder(CaseRepository cases, CaseEvents events) {
        this.cases = cases;
        this.events = events;
    }

    /** A deadline of the discipline clue flow (问题线索移送期限) is clue material like the flow's other steps. */
    static boolean isAboutClue(DeadlineRecomputed change) {
        return String.join(" ", String.valueOf(change.what()), String.valueOf(change.name()),
                String.valueOf(change.period())).contains("线索");
    }

    @EventListener
    void on(DeadlineRecomputed change) {
        if (change.caseNo() == null || change.agencyId() == null) {
            return;
        }
        cases.findByCaseNo(change.agencyId(), change.caseNo()).ifPresent(c -> events.record(c.id(), "system",
                "法定期限", "期限重新计算（放假安排已载入）",
                change.what() + "“" + change.name() + "”（" + change.period() + "）：" + change.before() + " → "
                        + change.after() + "。" + change.rule(), isAboutClue(change)));
    }
}
