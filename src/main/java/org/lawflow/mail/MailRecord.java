package org.lawflow.mail;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.lawflow.identity.LawFlowUser;

/**
 * One mail to one recipient in one step. Status SENT, SKIPPED (no address known, or its task was done before the mail
 * went out) or FAILED (will be retried); the outbox's task mails ({@link TaskMailOutbox}) are PENDING until sent
 * and SENDING while a node sends them.
 */
record MailRecord(UUID id, String messageId, UUID caseId, String agencyId, String processInstanceId,
        String activityId, String template, String recipientToken, String recipient, String subject,
        String attachments, String status, boolean restricted, int attempts, String lastError,
        OffsetDateTime createdAt, OffsetDateTime sentAt) {

    static final String SENT = "SENT";
    static final String SKIPPED = "SKIPPED";
    static final String FAILED = "FAILED";
    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";

    boolean done() {
        return SENT.equals(status) || SKIPPED.equals(status);
    }

    MailRecord with(String newStatus, String error, OffsetDateTime sent) {
        return new MailRecord(id, messageId, caseId, agencyId, processInstanceId, activityId, template,
                recipientToken, recipient, subject, attachments, newStatus, restricted,
                FAILED.equals(newStatus) ? attempts + 1 : attempts, error, createdAt, sent);
    }

    MailRecord withSubject(String newSubject) {
        return new MailRecord(id, messageId, caseId, agencyId, processInstanceId, activityId, template,
                recipientToken, recipient, newSubject, attachments, status, restricted, attempts, lastError, createdAt,
                sentAt);
    }

    /** The user's agency, and a discipline mail (纪检监察) only for its head and supervisor, not for administrators. */
    boolean visibleTo(LawFlowUser user) {
        return user.canSee(agencyId) && (!restricted || user.maySeeClues());
    }
}
