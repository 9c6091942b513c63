package org.lawflow.transfer;

import static org.lawflow.transfer.TransferVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.CaseLifecycle;
import org.lawflow.identity.Groups;
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
        return HeadApprovalSteps::checkDecision;
    }

    /**
     * A criminal transfer is decided by the 正职负责人 or the head presiding over work (国务院令第310号第五条): group
     * principal-head, whoever completes the task (the authenticated user, else its assignee). A deputy who presides
     * over work is put into principal-head by the administrator for that time.
     */
    @Bean
    TaskListener criminalTransferApprovalGuard() {
        return task -> {
            var identity = task.getProcessEngineServices().getIdentityService();
            var authentication = identity.getCurrentAuthentication();
            boolean authenticated = authentication != null && authentication.getUserId() != null;
            String decider = authenticated ? authentication.getUserId() : task.getAssignee();
            // the caller's groups as the engine sees them; without a caller the assignee's memberships
            boolean principal = authenticated && authentication.getGroupIds() != null
                    ? authentication.getGroupIds().contains(Groups.PRINCIPAL_HEAD)
                    : decider != null && identity.createUserQuery().userId(decider)
                            .memberOfGroup(Groups.PRINCIPAL_HEAD).count() > 0;
            if (!principal) {
                throw new InvalidInputException(HEAD_APPROVAL,
                        "涉嫌犯罪案件的移送应当由正职负责人或者主持工作的负责人审批（国务院令第310号第五条），"
                                + (decider == null ? "请由正职负责人认领后审批" : "“" + decider + "”不是正职负责人"));
            }
            checkDecision(task);
        };
    }

    private static void checkDecision(DelegateTask task) {
        String approval = oneOf(task, HEAD_APPROVAL, APPROVALS, "请选择批准或不批准");
        if ("REFUSE".equals(approval) && blank(string(task, HEAD_OPINION))) {
            throw new InvalidInputException(HEAD_OPINION, "不批准移送的，应当写明理由并记录在案");
        }
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
