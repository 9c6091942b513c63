package org.lawflow.mail;

import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends one mail with a fixed Message-ID through the configured SMTP server (spring.mail.*). */
@Component
class MailDelivery {

    record Attachment(String name, String contentType, byte[] content) {
    }

    private final JavaMailSender sender;
    private final String from;

    MailDelivery(JavaMailSender sender, @Value("${lawflow.mail.from:noreply@lawflow.example}") String from) {
        this.sender = sender;
        this.from = from;
    }

    void send(String messageId, String senderName, MailRecipients.Recipient to, MailTemplates.MailText text,
            List<Attachment> attachments) {
        Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession()
                : Session.getInstance(new Properties());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        try {
            var helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
            helper.setEncodeFilenames(true);
            helper.setFrom(new InternetAddress(from, senderName, "UTF-8"));
            helper.setTo(to.name() == null ? new InternetAddress(to.address())
                    : new InternetAddress(to.address(), to.name(), "UTF-8"));
            helper.setSubject(text.subject());
            helper.setText(text.body(), false);
            for (Attachment a : attachments) {
                helper.addAttachment(a.name(), new ByteArrayResource(a.content()), a.contentType());
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
    }
}
