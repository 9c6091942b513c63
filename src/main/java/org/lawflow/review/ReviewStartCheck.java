package org.lawflow.review;

import org.lawflow.casefile.CaseFileService;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.CaseStartRule;
import org.lawflow.casefile.CaseStatus;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.system.ConflictException;
import org.springframework.stereotype.Component;

/**
 * When a review may start: none running, the case filed (立案, {@link CaseFileService#requireFiled}) and not yet further,
 * no criminal transfer pending. Checked by
 * {@code POST /api/cases/{id}/review} and again by the review's first step, which a start from Tasklist or the
 * engine REST passes too; the case row is locked by then, so of concurrent starts only the first passes.
 */
@Component
class ReviewStartCheck implements CaseStartRule {

    private final CaseFlows flows;
    private final CaseFileService caseFiles;
    private final PendingTransferCheck pendingTransfers;

    ReviewStartCheck(CaseFlows flows, CaseFileService caseFiles, PendingTransferCheck pendingTransfers) {
        this.flows = flows;
        this.caseFiles = caseFiles;
        this.pendingTransfers = pendingTransfers;
    }

    /** {@code startingInstanceId}: the instance being started (not counted as running), or null. */
    void check(EnforcementCase c, String startingInstanceId) {
        if (flows.isRunningOther(ReviewVariables.PROCESS_KEY, c, startingInstanceId)) {
            throw new ConflictException("本案已在审核程序中");
        }
        caseFiles.requireFiled(c, ReviewVariables.PROCESS_KEY);
        if (c.status() != CaseStatus.FILED) {
            throw new ConflictException("案件当前状态为“" + c.status().label() + "”，不能提请审核");
        }
        if (pendingTransfers.isPending(c)) {
            throw new ConflictException("本案涉嫌犯罪移送尚未办结，不得进入处罚决定程序（不得以罚代刑）");
        }
    }

    @Override
    public String processKey() {
        return ReviewVariables.PROCESS_KEY;
    }

    /** For the start form's case picker: a case of the user's (only its officers start the review) that passes {@link #check}. */
    @Override
    public boolean accepts(EnforcementCase c, String userId) {
        if (!c.isOfficer(userId)) {
            return false;
        }
        try {
            check(c, null);
            return true;
        } catch (ConflictException e) {
            return false;
        }
    }
}
