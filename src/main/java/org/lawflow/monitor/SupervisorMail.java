package org.lawflow.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.lawflow.identity.Groups;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.ChinaTimeFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mail to the supervisors of an agency (group {@code supervisor}, members of the agency's tenant with an e-mail),
 * for reports that belong to no case (the case mail of {@code sendMailDelegate} is recorded per case). Templates
 * are {@code templates/mail/*.txt} with a first line {@code Subject: ...} and {@code {placeholders}}. The
 * Message-ID is {@code <prefix.user@lawflow>}, stable per report and recipient; a Message-ID already recorded in
 * {@link ReportMails} is not sent again, so a retried job mails only those it had not reached.
 */
@Component
class SupervisorMail {

    record Attachment(String name, byte[] content, String contentType) {
    }

    private final IdentityService identity;
    private final JavaMailSender sender;
    private final ReportMails reportMails;
    private final String from;

    SupervisorMail(IdentityService identity, JavaMailSender sender, ReportMails reportMails,
            @Value("${lawflow.mail.from:noreply@lawflow.example}") String from) {
        this.identity = identity;
        this.sender = sender;
        this.reportMails = reportMails;
        this.from = from;
    }

    /** Sends the template to each supervisor of the agency; returns the addresses mailed (now or before). */
    List<String> send(String agency, String template, Map<String, String> values, String messageIdPrefix,
            List<Attachment> attachments) {
        return sendTo(identity.createUserQuery().memberOfGroup(Groups.SUPERVISOR).memberOfTenant(agency).list(),
                template, values, messageIdPrefix, attachments);
    }

    /** Sends the template to the system administrators (group camunda-admin). */
    List<String> sendToAdministrators(String template, Map<String, String> values, String messageIdPrefix) {
        return sendTo(identity.createUserQuery().memberOfGroup(Groups.ADMIN).list(), template, values,
                messageIdPrefix, List.of());
    }

    private List<String> sendTo(List<User> users, String template, Map<String, String> values, String messageIdPrefix,
            List<Attachment> attachments) {
        String[] text = template(template);
        List<String> sent = new ArrayList<>();
        for (User user : users) {
            if (user.getEmail() == null || user.getEmail().isBlank()) {
                continue;
            }
            String name = ((user.getLastName() == null ? "" : user.getLastName())
                    + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
            String messageId = "<" + messageIdPrefix + "." + user.getId() + "@lawflow>";
            if (reportMails.sent(messageId)) {
                sent.add(user.getEmail());
                continue;
            }
            try {
                MimeMessage message = new MimeMessage(sender.createMimeMessage().getSession()) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", messageId);
                    }
                };
                var helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
                helper.setFrom(new InternetAddress(from, "LawFlow", "UTF-8"));
                helper.setTo(new InternetAddress(user.getEmail(), name, "UTF-8"));
                String subject = fill(text[0], values, name);
                helper.setSubject(subject);
                message.setHeader("Date", ChinaTimeFormat.mailDate(ChinaTime.now()));
                helper.setText(fill(text[1], values, name));
                for (Attachment a : attachments) {
                    helper.addAttachment(a.name(), new ByteArrayResource(a.content()), a.contentType());
                }
                sender.send(message);
                reportMails.recordSent(messageId, user.getEmail(), subject);
                sent.add(user.getEmail());
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("邮件发送失败：" + user.getEmail(), e);
            }
        }
        return sent;
    }

    private static String fill(String text, Map<String, String> values, String name) {
        String result = text.replace("{name}", name);
        for (var v : values.entrySet()) {
            result = result.replace("{" + v.getKey() + "}", v.getValue());
        }
        return result;
    }

    private static String[] template(String template) {
        try (InputStream in = SupervisorMail.class.getResourceAsStream("/templates/mail/" + template + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("Mail template " + template + " missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return new String[] {text.substring(0, newline).replaceFirst("^Subject:\\s*", "").strip(),
                    text.substring(newline + 1).strip()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
