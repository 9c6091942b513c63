package org.lawflow.mail;

import java.time.OffsetDateTime;
import java.util.List;

import org.lawflow.casefile.CaseDetailsContributor;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Section "mails" of GET /api/cases/{id}: every mail of the case — not the staff's task notices ({@link TaskMails}),
 * which are no correspondence of the case; discipline mails only for head and supervisor.
 */
@Component
class MailSection implements CaseDetailsContributor {

    record MailView(String messageId, String template, String recipientToken, String recipient, String subject,
            String attachments, String status, int attempts, String lastError, OffsetDateTime createdAt,
            OffsetDateTime sentAt) {
    }

    private final MailRecords records;
    private final CurrentUser currentUser;

    MailSection(MailRecords records, CurrentUser currentUser) {
        this.records = records;
        this.currentUser = currentUser;
    }

    @Override
    public String section() {
        return "mails";
    }

    @Override
    public Object contribute(EnforcementCase c) {
        var user = currentUser.get();
        List<MailRecord> all = records.ofCase(c.id());
        return all.stream().filter(r -> r.visibleTo(user) && !TaskMails.TEMPLATES.contains(r.template()))
                .map(r -> new MailView(r.messageId(), r.template(), r.recipientToken(), r.recipient(), r.subject(),
                        r.attachments(), r.status(), r.attempts(), r.lastError(), r.createdAt(), r.sentAt()))
                .toList();
    }
}
