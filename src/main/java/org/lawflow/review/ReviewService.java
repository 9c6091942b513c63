package org.lawflow.review;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.CaseFileService;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.CaseStatus;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.identity.LawFlowUser;
import org.lawflow.system.ConflictException;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts the major-decision review of a case and withdraws its publication. */
@Service
class ReviewService {

    private final CaseFileService caseFiles;
    private final CaseFlows flows;
    private final CaseEvents events;
    private final PendingTransferCheck pendingTransfers;
    private final PublicationService publications;

    ReviewService(CaseFileService caseFiles, CaseFlows flows, CaseEvents events, PendingTransferCheck pendingTransfers,
            PublicationService publications) {
        this.caseFiles = caseFiles;
        this.flows = flows;
        this.events = events;
        this.pendingTransfers = pendingTransfers;
        this.publications = publications;
    }

    @Transactional
    ProcessInstance start(UUID caseId, LawFlowUser user) {
        EnforcementCase c = caseFiles.getVisible(caseId, user);
        if (!c.isOfficer(user.id())) {
            throw new InvalidInputException("user", "只有本案执法人员可以提请审核");
        }
        if (flows.isRunning(ReviewVariables.PROCESS_KEY, c)) {
            throw new ConflictException("本案已在审核程序中");
        }
        caseFiles.requireFiled(c, ReviewVariables.PROCESS_KEY);
        if (c.status() != CaseStatus.FILED) {
            throw new ConflictException("案件当前状态为“" + c.status().label() + "”，不能提请审核");
        }
        if (pendingTransfers.isPending(c)) {
            throw new ConflictException("本案涉嫌犯罪移送尚未办结，不得进入处罚决定程序（不得以罚代刑）");
        }
        ProcessInstance instance = flows.start(ReviewVariables.PROCESS_KEY, c,
                Map.of(ReviewVariables.LEAD_OFFICER, user.id()));
        events.record(c.id(), user.id(), "提请审核", "启动重大行政执法决定法制审核程序", null);
        return instance;
    }

    @Transactional
    Publication withdrawPublication(UUID caseId, String reason, LocalDate changedOn, java.util.Date due,
            LawFlowUser user) {
        EnforcementCase c = caseFiles.getVisible(caseId, user);
        return publications.withdraw(c, reason, due == null ? null
                : due.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate(), user.id());
    }
}
