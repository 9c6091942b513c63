package org.lawflow.transfer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A transfer of a case as shown by {@code GET /api/cases/{id}/transfers}. */
record Transfer(UUID id, UUID caseId, String agencyId, TransferKind kind, String status, String processInstanceId,
        String startedBy, OffsetDateTime startedAt, String startedFrom, String reason, String suspectedCrime,
        String team, String leadOfficer, String headDecision, String headOpinion, String decidedBy,
        OffsetDateTime decidedAt, OffsetDateTime sentAt, LocalDate policeReceivedOn, OffsetDateTime closedAt,
        List<PoliceAnswer> policeAnswers, List<Handover> handovers, Clue clue) {

    record PoliceAnswer(String type, String decision, LocalDate noticeOn, String reasons, String recordedBy,
            OffsetDateTime recordedAt) {
    }

    record Handover(LocalDate handedOverOn, String items, String receiver, String recordedBy,
            OffsetDateTime recordedAt) {
    }

    record Clue(String personInvolved, String personPosition, String cadreLevel, boolean partyMember,
            String clueFacts, String clueMaterials, LocalDate discoveredOn, String receivingBody,
            String receivingBodyName, LocalDate receivedOn, String feedback, LocalDate feedbackOn) {
    }

    /** Still open, or ended at the police after 立案: either way no fine may be decided (不得以罚代刑). */
    boolean blocksFines() {
        return kind == TransferKind.CRIMINAL && !Statuses.RELEASING.contains(status);
    }

    /** Status values of {@code case_transfer.status}. */
    static final class Statuses {
        static final String REGISTERED = "REGISTERED";
        static final String REFUSED = "REFUSED";
        static final String RETURNED = "RETURNED_TO_ADMINISTRATIVE";
        /** The case is back in administrative handling: a penalty may be decided again. */
        static final List<String> RELEASING = List.of(REFUSED, RETURNED);

        private Statuses() {
        }
    }
}
