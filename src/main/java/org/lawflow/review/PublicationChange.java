package org.lawflow.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A requested change to a published decision (行政处罚法第四十八条) and how it was decided. */
record PublicationChange(UUID id, UUID caseId, Kind kind, String reason, LocalDate changedOn, String requestedBy,
        OffsetDateTime requestedAt, Status status, String decidedBy, OffsetDateTime decidedAt, String decisionReason) {

    enum Kind { WITHDRAWAL, CORRECTION }

    enum Status { PENDING, APPROVED, REFUSED }
}
