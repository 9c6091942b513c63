package org.lawflow.mail;

import java.time.OffsetDateTime;

import org.lawflow.system.ChinaTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Table report_mail (V12): which staff mails (reports, digests, warnings) went out. Written in its own transaction (REQUIRES_NEW), because the
 * job that sends them may still fail later (the next supervisor's mail) and be retried: its transaction is rolled
 * back, this record is not.
 */
@Component
class StaffMailRecords {

    private final JdbcClient jdbc;
    private final TransactionTemplate requiresNew;

    StaffMailRecords(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.requiresNew = new TransactionTemplate(transactionManager);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    boolean sent(String messageId) {
        return jdbc.sql("select count(*) from report_mail where message_id = ?").param(messageId).query(Integer.class)
                .single() > 0;
    }

    void recordSent(String messageId, String recipient, String subject) {
        requiresNew.executeWithoutResult(status -> jdbc.sql(
                "insert into report_mail (message_id, recipient, subject, sent_at) values (?, ?, ?, ?)")
                .params(messageId, recipient, subject.length() > 500 ? subject.substring(0, 500) : subject,
                        ChinaTime.nowOffset()).update());
    }
}
