package org.lawflow.review;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.CaseLifecycle;
import org.lawflow.casefile.Cases;
import org.springframework.stereotype.Component;

/**
 * 涉嫌犯罪 found in the review or decided by the head: the penalty flow stops and the criminal transfer starts
 * (行政处罚法第二十七条；国务院令第310号第三条、第十一条 不得以罚代刑).
 */
@Component("criminalTransferFromReviewDelegate")
class CriminalTransferFromReviewDelegate implements JavaDelegate {

    private final Cases cases;
    private final CaseLifecycle lifecycle;
    private final CaseFlows flows;
    private final CaseEvents events;
    private final PendingTransferCheck pendingTransfers;

    CriminalTransferFromReviewDelegate(Cases cases, CaseLifecycle lifecycle, CaseFlows flows, CaseEvents events,
            PendingTransferCheck pendingTransfers) {
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.flows = flows;
        this.events = events;
        this.pendingTransfers = pendingTransfers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var c = cases.findById(ReviewVariables.caseId(execution)).orElseThrow();
        String reason = firstNonBlank(ReviewVariables.string(execution, "reviewReasons"),
                ReviewVariables.string(execution, "decisionOpinion"));
        // a transfer still open, or filed by the police, already has the case: no second one
        if (!flows.isRunning(PendingTransferCheck.CRIMINAL_TRANSFER, c) && !pendingTransfers.isPending(c)) {
            flows.start(PendingTransferCheck.CRIMINAL_TRANSFER, c, Map.of(
                    "transferReason", reason == null ? "法制审核认为涉嫌犯罪" : reason,
                    "startedFrom", ReviewVariables.PROCESS_KEY,
                    ReviewVariables.LEAD_OFFICER, ReviewVariables.string(execution, ReviewVariables.LEAD_OFFICER)));
        }
        lifecycle.crimeFoundInReview(c.id());
        events.record(c.id(), "system", "法制审核", "涉嫌犯罪，终止处罚程序并启动移送", reason);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
