package org.lawflow.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A published enforcement decision: 执法机关、执法对象、执法类别、执法结论, personal data already masked. */
record Publication(UUID id, UUID caseId, String agencyId, String agencyName, String caseNo, String partyDisplay,
        String partyIdDisplay, String category, String conclusion, LocalDate decidedOn, OffsetDateTime publishedAt,
        LocalDate publicationDue, OffsetDateTime withdrawnAt, String withdrawalReason, LocalDate withdrawalDue,
        OffsetDateTime correctedAt) {

    // public: the public page's template calls these
    public boolean corrected() {
        return correctedAt != null;
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** Whether it went out within the statutory period; null when no period was computed. */
    Boolean onTime() {
        return publicationDue == null ? null : !publishedAt.toLocalDate().isAfter(publicationDue);
    }
}
