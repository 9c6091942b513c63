package org.lawflow.review;

import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * {@code publication-withdrawal} starts only for a recorded, pending request of its case
 * ({@code POST /api/cases/{id}/publication/withdrawal}): a start from Tasklist or the engine REST, which records no
 * request, would give the head a task with nothing to decide.
 */
@Component("publicationWithdrawalStartCheck")
class PublicationWithdrawalStartCheck implements ExecutionListener {

    private final PublicationChangeRepository changes;

    PublicationWithdrawalStartCheck(PublicationChangeRepository changes) {
        this.changes = changes;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object changeId = execution.getVariable(PublicationChangeService.VAR_CHANGE_ID);
        Object caseId = execution.getVariable(CaseFlows.VAR_CASE_ID);
        boolean pending = uuid(changeId).flatMap(changes::findById)
                .filter(c -> c.status() == PublicationChange.Status.PENDING && c.caseId().toString().equals(caseId))
                .isPresent();
        if (!pending) {
            throw new InvalidInputException(CaseFlows.VAR_CASE_ID, "撤回公示须在案件页面提出申请，由系统报负责人审批");
        }
    }

    private static Optional<UUID> uuid(Object value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(String.valueOf(value)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
