package org.lawflow.mail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.lawflow.identity.CurrentUser;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Demo profile: /demo/mails lists the mail the embedded SMTP sink received (login: the demo users, HTTP Basic),
 * limited to mails of the user's agencies; when the sink is off (docker compose → Mailpit) it lists the mail
 * records instead and points to Mailpit.
 */
@Controller
@Profile("demo")
class DemoMailPage {

    record ReceivedMail(String messageId, String from, String to, String subject, Date sentAt, List<String> attachments,
            String body, String status) {
    }

    private final DemoSmtpSink sink;
    private final MailRecords records;
    private final CurrentUser currentUser;

    DemoMailPage(DemoSmtpSink sink, MailRecords records, CurrentUser currentUser) {
        this.sink = sink;
        this.records = records;
        this.currentUser = currentUser;
    }

    @GetMapping({"/demo/mails", "/demo/mail"})
    String page(Model model) throws MessagingException, IOException {
        var user = currentUser.get();
        var visible = records.recent(user.agencies(), user.isAdmin(), 500).stream().filter(r -> r.visibleTo(user))
                .toList();
        List<ReceivedMail> mails = new ArrayList<>();
        if (sink.isRunning()) {
            List<MimeMessage> received = new ArrayList<>(sink.received());
            java.util.Collections.reverse(received);
            for (MimeMessage m : received) {
                // a case's mail as its record allows (clue mails only for head and supervisor); others administrators
                if (records.find(m.getMessageID()).map(r -> r.visibleTo(user)).orElse(user.isAdmin())) {
                    mails.add(read(m));
                }
            }
        } else {
            for (MailRecord r : visible) {
                mails.add(new ReceivedMail(r.messageId(), null, r.recipient(), r.subject(),
                        r.sentAt() == null ? null : Date.from(r.sentAt().toInstant()),
                        r.attachments() == null || r.attachments().isBlank() ? List.of()
                                : Arrays.asList(r.attachments().split("；")),
                        null, r.status()));
            }
        }
        model.addAttribute("sinkRunning", sink.isRunning());
        model.addAttribute("sinkPort", sink.port());
        model.addAttribute("user", user);
        model.addAttribute("mails", mails);
        return "demo/mails";
    }

    private static ReceivedMail read(MimeMessage m) throws MessagingException, IOException {
        List<String> attachments = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        collect(m, attachments, body);
        return new ReceivedMail(m.getMessageID(), MimeUtility.decodeText(String.join(", ", m.getHeader("From"))),
                MimeUtility.decodeText(String.join(", ", m.getHeader("To"))), m.getSubject(), m.getSentDate(),
                attachments, body.toString(), "SENT");
    }

    private static void collect(Part part, List<String> attachments, StringBuilder body)
            throws MessagingException, IOException {
        if (part.getFileName() != null) {
            attachments.add(MimeUtility.decodeText(part.getFileName()) + "（" + part.getSize() / 1024 + " KB）");
        } else if (part.isMimeType("text/plain") && body.isEmpty()) {
            body.append(part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, attachments, body);
            }
        }
    }
}
