package org.lawflow.review;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.Cases;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.ConflictException;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The head's decision on a requested withdrawal ({@code publication-withdrawal}): approved → the entry is withdrawn
 * and the public page states the reason (行政处罚法第四十八条); refused → the request is closed with the head's
 * reasons. Both go into the case's full-process record.
 */
@Component("publicationWithdrawalRecord")
class PublicationWithdrawalRecord implements JavaDelegate {

    static final String DECISION = "withdrawalDecision";
    static final String OPINION = "withdrawalOpinion";

    private final PublicationChangeRepository changes;
    private final PublicationService publications;
    private final Cases cases;
    private final CaseEvents events;
    private final StatutoryDeadlines deadlines;

    PublicationWithdrawalRecord(PublicationChangeRepository changes, PublicationService publications, Cases cases,
            CaseEvents events, StatutoryDeadlines deadlines) {
        this.changes = changes;
        this.publications = publications;
        this.cases = cases;
        this.events = events;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID changeId = UUID.fromString(String.valueOf(execution.getVariable(PublicationChangeService.VAR_CHANGE_ID)));
        // the request as recorded when it was made, not what a client may have sent along with the task
        PublicationChange change = changes.findById(changeId)
                .orElseThrow(() -> new IllegalStateException("撤回公示申请不存在：" + changeId));
        Object opinionValue = execution.getVariable(OPINION);
        String opinion = opinionValue == null ? "" : String.valueOf(opinionValue).strip();
        if (opinion.isEmpty()) {
            throw new InvalidInputException(OPINION, "请写明审批理由");
        }
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String head = authentication == null ? null : authentication.getUserId();
        var status = switch (String.valueOf(execution.getVariable(DECISION))) {
            case "APPROVE" -> PublicationChange.Status.APPROVED;
            case "REFUSE" -> PublicationChange.Status.REFUSED;
            default -> throw new InvalidInputException(DECISION, "审批意见必须为“同意撤回”或“不同意撤回”");
        };
        if (!changes.decide(changeId, status, head, ChinaTime.nowOffset(), opinion)) {
            throw new ConflictException("该撤回公示申请已审批");
        }
        var c = cases.findById(change.caseId()).orElseThrow();
        if (status == PublicationChange.Status.APPROVED) {
            var due = deadlines.due(StatutoryPeriod.WITHDRAWAL.name(), change.changedOn());
            publications.withdraw(c, change.reason(), due.toInstant().atZone(ChinaTime.ZONE).toLocalDate(), head);
            events.record(c.id(), head, "公示", "负责人同意撤回公示",
                    "申请人：" + change.requestedBy() + "；撤回理由：" + change.reason() + "；审批意见：" + opinion);
        } else {
            events.record(c.id(), head, "公示", "负责人不同意撤回公示，公示继续有效",
                    "申请人：" + change.requestedBy() + "；申请撤回理由：" + change.reason() + "；不同意理由：" + opinion);
        }
    }
}
