package org.lawflow.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Table mail_record (V4). Writes run in their own transaction (REQUIRES_NEW) and commit at once: a mail the SMTP
 * server accepted stays recorded even when the job fails later and rolls back, so the retry does not send it again.
 */
@Repository
class MailRecords {

    private final JdbcClient jdbc;
    private final TransactionTemplate requiresNew;

    MailRecords(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.requiresNew = new TransactionTemplate(transactionManager);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Optional<MailRecord> find(String messageId) {
        return jdbc.sql("select * from mail_record where message_id = ?").param(messageId)
                .query((rs, i) -> map(rs)).optional();
    }

    List<MailRecord> ofCase(UUID caseId) {
        return jdbc.sql("select * from mail_record where case_id = ? order by created_at, id").param(caseId)
                .query((rs, i) -> map(rs)).list();
    }

    List<MailRecord> recent(List<String> agencies, boolean all, int limit) {
        if (all) {
            return jdbc.sql("select * from mail_record order by created_at desc limit ?").param(limit)
                    .query((rs, i) -> map(rs)).list();
        }
        if (agencies.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", java.util.Collections.nCopies(agencies.size(), "?"));
        var params = new java.util.ArrayList<Object>(agencies);
        params.add(limit);
        return jdbc.sql("select * from mail_record where agency_id in (" + in + ") order by created_at desc limit ?")
                .params(params).query((rs, i) -> map(rs)).list();
    }

    /** Inserts or updates by Message-ID, committed immediately. */
    void save(MailRecord r) {
        requiresNew.executeWithoutResult(status -> {
            int updated = jdbc.sql("update mail_record set status = ?, attempts = ?, last_error = ?, sent_at = ?, "
                    + "subject = ?, attachments = ? where message_id = ?")
                    .params(r.status(), r.attempts(), r.lastError(), r.sentAt(), r.subject(), r.attachments(),
                            r.messageId())
                    .update();
            if (updated == 0) {
                insert(r);
            }
        });
    }

    /** Inserts in the caller's transaction: a mail for the outbox commits (or not) with what caused it. */
    void insert(MailRecord r) {
        jdbc.sql("insert into mail_record (id, message_id, case_id, agency_id, process_instance_id, "
                + "activity_id, template, recipient_token, recipient, subject, attachments, status, restricted, "
                + "attempts, last_error, created_at, sent_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(r.id(), r.messageId(), r.caseId(), r.agencyId(), r.processInstanceId(),
                        r.activityId(), r.template(), r.recipientToken(), r.recipient(), r.subject(),
                        r.attachments(), r.status(), r.restricted(), r.attempts(), r.lastError(),
                        r.createdAt(), r.sentAt())
                .update();
    }

    /** The outbox's mails of these templates not sent yet (pending, failed or being sent), oldest first. */
    List<MailRecord> unsent(List<String> templates, int limit) {
        String in = String.join(",", java.util.Collections.nCopies(templates.size(), "?"));
        var params = new java.util.ArrayList<Object>(templates);
        params.add(limit);
        return jdbc.sql("select * from mail_record where status in ('" + MailRecord.PENDING + "', '"
                + MailRecord.FAILED + "', '" + MailRecord.SENDING + "') and template in (" + in
                + ") order by created_at limit ?").params(params).query((rs, i) -> map(rs)).list();
    }

    /**
     * Takes the mail for sending if it is still as read (status and attempts), committed at once; false when another
     * thread or node took it first.
     */
    boolean claim(MailRecord r) {
        return Boolean.TRUE.equals(requiresNew.execute(status -> jdbc.sql("update mail_record set status = ? "
                + "where message_id = ? and status = ? and attempts = ?")
                .params(MailRecord.SENDING, r.messageId(), r.status(), r.attempts()).update() == 1));
    }

    private static MailRecord map(ResultSet rs) throws SQLException {
        return new MailRecord(rs.getObject("id", UUID.class), rs.getString("message_id"),
                rs.getObject("case_id", UUID.class), rs.getString("agency_id"), rs.getString("process_instance_id"),
                rs.getString("activity_id"), rs.getString("template"), rs.getString("recipient_token"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("attachments"),
                rs.getString("status"), rs.getBoolean("restricted"), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class));
    }
}
