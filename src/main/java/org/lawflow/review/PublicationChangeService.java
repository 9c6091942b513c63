package org.lawflow.review;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.CaseFileService;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.casefile.PenaltyHistory;
import org.lawflow.casefile.PenaltyRevision;
import org.lawflow.identity.LawFlowUser;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.ConflictException;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a published decision by the case's officers (行政处罚法第四十八条): a withdrawal is only requested here
 * and decided by the head in {@value #PROCESS_KEY}; a correction of the 执法结论 takes effect at once, masked.
 */
@Service
class PublicationChangeService {

    static final String PROCESS_KEY = "publication-withdrawal";
    static final String VAR_CHANGE_ID = "publicationChangeId";
    static final String VAR_CHANGED_ON = "changedOn";
    static final String VAR_REASON = "withdrawalReason";
    static final String VAR_REQUESTED_BY = "requestedBy";

    record WithdrawalRequest(PublicationChange change, String processInstanceId) {
    }

    private final CaseFileService caseFiles;
    private final CaseFlows flows;
    private final CaseEvents events;
    private final PublicationRepository publications;
    private final PublicationChangeRepository changes;
    private final PublicationService publicationService;
    private final PenaltyHistory penalties;

    PublicationChangeService(CaseFileService caseFiles, CaseFlows flows, CaseEvents events,
            PublicationRepository publications, PublicationChangeRepository changes,
            PublicationService publicationService, PenaltyHistory penalties) {
        this.caseFiles = caseFiles;
        this.flows = flows;
        this.events = events;
        this.publications = publications;
        this.changes = changes;
        this.publicationService = publicationService;
        this.penalties = penalties;
    }

    /** Records the request and starts the head's approval; one pending request per case. */
    @Transactional
    WithdrawalRequest requestWithdrawal(UUID caseId, String reason, LocalDate changedOn, LawFlowUser user) {
        // the lock makes a second request at the same moment wait and then find this one pending
        EnforcementCase c = flows.lockForStart(caseFiles.getVisible(caseId, user));
        requireOfficer(c, user, "只有本案执法人员可以申请撤回公示");
        Publication p = publications.findByCase(c.id())
                .orElseThrow(() -> new ConflictException("本案决定尚未公示，无需撤回"));
        if (p.withdrawn()) {
            throw new ConflictException("本案公示已于 " + p.withdrawnAt().toLocalDate() + " 撤回");
        }
        changes.findPending(c.id(), PublicationChange.Kind.WITHDRAWAL).ifPresent(pending -> {
            throw new ConflictException("本案已有待负责人审批的撤回公示申请（" + pending.requestedBy() + "于"
                    + pending.requestedAt().atZoneSameInstant(ChinaTime.ZONE).toLocalDate() + "提出），请勿重复申请");
        });
        var change = new PublicationChange(UUID.randomUUID(), c.id(), PublicationChange.Kind.WITHDRAWAL, reason.strip(),
                changedOn, user.id(), ChinaTime.nowOffset(), PublicationChange.Status.PENDING, null, null, null);
        changes.insert(change);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CHANGE_ID, change.id().toString());
        variables.put(VAR_CHANGED_ON, changedOn.toString());
        variables.put(VAR_REASON, change.reason());
        // shown to the head in the task form
        variables.put(VAR_REQUESTED_BY, user.displayName() + "（" + user.id() + "）");
        ProcessInstance instance = flows.start(PROCESS_KEY, c, variables);
        events.record(c.id(), user.id(), "公示", "申请撤回公示，报负责人审批",
                "撤回理由：" + change.reason() + "；决定变更日期：" + changedOn);
        return new WithdrawalRequest(change, instance.getId());
    }

    /** 更正: the new 执法结论 from the case with the officer's note, or the officer's full text; masked either way. */
    @Transactional
    Publication correct(UUID caseId, String conclusionNote, String text, String reason, LawFlowUser user) {
        // one after another with the other corrections and withdrawal requests of the case
        EnforcementCase c = flows.lockForStart(caseFiles.getVisible(caseId, user));
        requireOfficer(c, user, "只有本案执法人员可以更正公示内容");
        String conclusion = text != null
                ? PersonalDataMasker.forParty(c.party()).mask(text.strip())
                : publicationService.conclusion(c, penalties.decided(c.id()).map(PenaltyRevision::text).orElse(null),
                        conclusionNote.strip());
        Publication corrected = publicationService.correct(c, conclusion, reason.strip(), user.id());
        changes.insert(new PublicationChange(UUID.randomUUID(), c.id(), PublicationChange.Kind.CORRECTION,
                reason.strip(), ChinaTime.today(), user.id(), corrected.correctedAt(),
                PublicationChange.Status.APPROVED, user.id(), corrected.correctedAt(), null));
        return corrected;
    }

    private static void requireOfficer(EnforcementCase c, LawFlowUser user, String message) {
        if (!c.isOfficer(user.id())) {
            throw new InvalidInputException("user", message);
        }
    }
}
