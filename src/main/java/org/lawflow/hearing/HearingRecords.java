package org.lawflow.hearing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What the hearing flow's listeners need from the case file: the case and its investigators, the
 * full-process record (CaseEvents) and the register of hearing requests. An interface so the process tests
 * run the real listeners without a database.
 */
interface HearingRecords {

    record CaseRef(String id, String caseNo, String cause, String agencyId, List<String> officers) {
    }

    Optional<CaseRef> caseById(String caseId);

    Optional<CaseRef> caseByNo(String agencyId, String caseNo);

    /** Locks the case until the transaction ends, so that concurrent starts of a flow see each other. */
    default void lock(String caseId) {
    }

    void event(String caseId, String actor, String step, String action, String detail);

    void request(String caseId, String processInstanceId, OffsetDateTime receivedAt, RequestOutcome outcome,
            String channel, String note, String recordedBy);

    /** A party's request received by {@code deadline} that is recorded but not yet decided. */
    boolean hasUndecidedRequestBy(String caseId, OffsetDateTime deadline);
}
