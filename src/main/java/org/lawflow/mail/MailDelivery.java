package org.lawflow.mail;

import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Properties;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.lawflow.system.ChinaTime;
import org.lawflow.system.ChinaTimeFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends one mail with a fixed Message-ID through the configured SMTP server (spring.mail.*). */
@Component
class MailDelivery {

    record Attachment(String name, String contentType, byte[] content) {
    }

    /**
     * Jakarta Mail looks its stream provider up with a ServiceLoader scan of the whole classpath for every header
     * and MIME part unless this property names it; the scan was about 7 % of LawFlow's CPU in the benchmark
     * (BENCHMARKS.md). An operator's own setting is kept.
     */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    /** Every attachment names its content type; one map instead of one read of mime.types per mail. */
    private static final ConfigurableMimeFileTypeMap FILE_TYPES = new ConfigurableMimeFileTypeMap();

    static {
        FILE_TYPES.afterPropertiesSet();
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
            var helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8") {
                @Override
                protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                    return FILE_TYPES;
                }
            };
            helper.setEncodeFilenames(true);
            helper.setFrom(new InternetAddress(from, senderName, "UTF-8"));
            helper.setTo(to.name() == null ? new InternetAddress(to.address())
                    : new InternetAddress(to.address(), to.name(), "UTF-8"));
            helper.setSubject(text.subject());
            message.setHeader("Date", ChinaTimeFormat.mailDate(ChinaTime.now()));
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
