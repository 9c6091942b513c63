package org.lawflow.review;

import java.math.BigDecimal;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.casefile.Cases;
import org.lawflow.casefile.PenaltyKind;
import org.lawflow.system.InputChecks;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The head's decision (行政处罚法第五十七、五十八条): no penalty without a passed legal review where one is required,
 * no fine while a criminal transfer of the case is pending (不得以罚代刑, 国务院令第310号第十一条), no heavier fine
 * than proposed, and reasons always recorded. A fine needs its amount: a blank field is refused, never read as an
 * older amount (the form offers the current proposal, {@link PenaltyStageListener}).
 */
@Component("headDecisionGuard")
class HeadDecisionGuard implements TaskListener {

    private final Cases cases;
    private final PendingTransferCheck pendingTransfers;

    HeadDecisionGuard(Cases cases, PendingTransferCheck pendingTransfers) {
        this.cases = cases;
        this.pendingTransfers = pendingTransfers;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = ReviewVariables.string(task, ReviewVariables.HEAD_DECISION);
        if (decision == null || !Set.of("PENALTY", "NO_PENALTY", "TRANSFER").contains(decision)) {
            throw new InvalidInputException(ReviewVariables.HEAD_DECISION, "请选择决定：给予处罚、不予处罚或移送");
        }
        String opinion = ReviewVariables.string(task, "decisionOpinion");
        if (opinion == null || opinion.isBlank()) {
            throw new InvalidInputException("decisionOpinion", "请写明决定理由");
        }
        if (!"PENALTY".equals(decision)) {
            return;
        }
        if (ReviewVariables.isTrue(task, ReviewVariables.LEGAL_REVIEW_REQUIRED)
                && !"APPROVE".equals(ReviewVariables.string(task, ReviewVariables.REVIEW_OPINION))) {
            throw new InvalidInputException(ReviewVariables.HEAD_DECISION, "未经法制审核或审核未通过的，不得作出决定（行政处罚法第五十八条）");
        }
        var c = cases.findById(ReviewVariables.caseId(task)).orElseThrow();
        if (pendingTransfers.isPending(c)) {
            throw new InvalidInputException(ReviewVariables.HEAD_DECISION, "本案涉嫌犯罪已移送公安机关，移送未办结前不得作出罚款决定（不得以罚代刑）");
        }
        BigDecimal decidedFine = InputChecks.amount(ReviewVariables.DECIDED_FINE, task.getVariable(ReviewVariables.DECIDED_FINE));
        if (decidedFine == null && c.proposes(PenaltyKind.FINE)) {
            throw new InvalidInputException(ReviewVariables.DECIDED_FINE,
                    "请填写“决定罚款金额”：给予罚款的，负责人须写明决定的罚款金额，不填不会沿用拟处罚金额");
        }
        if (decidedFine != null && decidedFine.compareTo(c.fineAmount()) > 0) {
            throw new InvalidInputException(ReviewVariables.DECIDED_FINE, "决定罚款金额不得高于拟处罚金额");
        }
    }
}
