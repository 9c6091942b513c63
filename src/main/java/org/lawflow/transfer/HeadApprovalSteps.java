package org.lawflow.transfer;

import static org.lawflow.transfer.TransferVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.CaseLifecycle;
import org.lawflow.system.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head's approval in both flows: the same check on the form, the same decision columns; only the criminal
 * transfer moves the case status (已移送, or back to 已立案 when refused: 国务院令第310号第五条).
 */
@Configuration
class HeadApprovalSteps {

    /** A refusal needs its reasons on record (国务院令第310号第五条). */
    @Bean
    TaskListener transferApprovalGuard() {
        return task -> {
            String approval = oneOf(task, HEAD_APPROVAL, APPROVALS, "请选择批准或不批准");
            if ("REFUSE".equals(approval) && blank(string(task, HEAD_OPINION))) {
                throw new InvalidInputException(HEAD_OPINION, "不批准移送的，应当写明理由并记录在案");
            }
        };
    }

    @Bean
    JavaDelegate transferHeadDecisionRecord(TransferRepository transfers, CaseLifecycle lifecycle, CaseEvents events) {
        return execution -> {
            var step = TransferStep.of(execution);
            String opinion = string(execution, HEAD_OPINION);
            if (recordDecision(execution, step, transfers)) {
                lifecycle.transferRefused(step.caseId());
                step.entry(events, "负责人不批准移送，退回行政处理", "不予批准的理由：" + opinion);
            } else {
                lifecycle.transferApproved(step.caseId());
                step.entry(events, "负责人批准移送，24小时内移送公安机关", opinion);
            }
        };
    }

    @Bean
    JavaDelegate clueHeadDecisionRecord(TransferRepository transfers, CaseEvents events) {
        return execution -> {
            var step = TransferStep.of(execution);
            boolean refused = recordDecision(execution, step, transfers);
            step.restrictedEntry(events, refused ? "负责人不批准线索移送" : "负责人批准线索移送", null);
        };
    }

    /** Stores the head's decision and opinion on the transfer; true if refused. */
    private static boolean recordDecision(DelegateExecution execution, TransferStep step, TransferRepository transfers) {
        String decision = string(execution, HEAD_APPROVAL);
        boolean refused = "REFUSE".equals(decision);
        transfers.recordHeadDecision(step.transferId(), refused ? Transfer.Statuses.REFUSED : "APPROVED", decision,
                string(execution, HEAD_OPINION), step.actor(), refused);
        return refused;
    }
}
