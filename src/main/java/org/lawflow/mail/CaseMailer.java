package org.lawflow.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.lawflow.agency.AgencyRepository;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.Cases;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.documents.DocumentKind;
import org.lawflow.documents.Documents;
import org.lawflow.documents.PackageKind;
import org.lawflow.documents.TemplateValues;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The one way a case mail goes out, from a service task ({@link SendMailDelegate}) or a task's deadline reminder
 * ({@link DeadlineReminder}). One mail per recipient with Message-ID
 * {@code <caseId.processInstanceId.step.recipientHash@lawflow>}; a Message-ID already recorded as sent is not sent
 * again. Any SMTP failure fails the job (retries R5/PT5M, then an incident); the mails that did go out stay recorded
 * and are not repeated by the retry.
 */
@Component
class CaseMailer {

    /** What to send: template, recipient tokens ({@link MailRecipients}), attachments, the deadline it is about. */
    record Request(String template, List<String> recipients, List<String> attachDocuments, String attachPackage,
            String deadlineName, String due) {
    }

    private final Cases cases;
    private final AgencyRepository agencies;
    private final Documents documents;
    private final MailRecipients recipientResolver;
    private final MailRecords records;
    private final MailDelivery delivery;
    private final CaseEvents events;
    private final MailTemplates templates = new MailTemplates();

    CaseMailer(Cases cases, AgencyRepository agencies, Documents documents, MailRecipients recipientResolver,
            MailRecords records, MailDelivery delivery, CaseEvents events) {
        this.cases = cases;
        this.agencies = agencies;
        this.documents = documents;
        this.recipientResolver = recipientResolver;
        this.records = records;
        this.delivery = delivery;
        this.events = events;
    }

    void send(DelegateExecution execution, String step, Request request) {
        String templateName = request.template();
        UUID caseId = ProcessVariables.caseId(execution);
        EnforcementCase c = cases.findById(caseId).orElseThrow(() -> new IllegalStateException("案件不存在：" + caseId));
        var agency = agencies.get(c.agencyId());

        List<MailDelivery.Attachment> attachments = new ArrayList<>();
        // every mail of the clue flow (its reminders too) and every mail about a clue
        boolean restricted = templateName.startsWith("clue-") || CaseFlows.isClueFlow(execution);
        for (String kindName : request.attachDocuments()) {
            DocumentKind kind = DocumentKind.valueOf(kindName);
            restricted |= kind.restricted();
            var doc = documents.latest(caseId, kind).orElseThrow(() -> new IllegalStateException(
                    "案件 " + c.caseNo() + " 尚未生成" + kind.title() + "，无法作为附件发送"));
            attachments.add(new MailDelivery.Attachment(doc.fileName(), "application/pdf", documents.content(doc.id())));
        }
        String packageName = request.attachPackage();
        if (packageName != null) {
            PackageKind kind = PackageKind.valueOf(packageName);
            restricted |= kind.restricted();
            var pkg = documents.packageFor(caseId, kind, execution.getProcessInstanceId())
                    .or(() -> documents.latestPackage(caseId, kind)).orElseThrow(() -> new IllegalStateException(
                            "案件 " + c.caseNo() + " 尚未生成" + kind.title() + "，无法发送"));
            attachments.add(new MailDelivery.Attachment(pkg.fileName(), "application/zip",
                    documents.packageContent(pkg.id())));
        }

        Map<String, Object> vars = execution.getVariables();
        Map<String, Object> model = new HashMap<>();
        model.put("case", c);
        model.put("agency", agency);
        model.put("vars", vars);
        model.put("v", new TemplateValues(vars));
        model.put("deadlineName", request.deadlineName());
        model.put("due", request.due());
        model.put("attachments", attachments.stream().map(MailDelivery.Attachment::name).toList());
        var text = templates.render(templateName, model);

        List<String> tokens = request.recipients();
        restricted |= tokens.stream().anyMatch(MailRecipients.DISCIPLINE_TOKENS::contains);
        String attachmentNames = String.join("；", attachments.stream().map(MailDelivery.Attachment::name).toList());
        List<String> failures = new ArrayList<>();
        List<String> sentTo = new ArrayList<>();
        for (var recipient : recipientResolver.resolve(tokens, c, agency, execution::getVariable)) {
            String messageId = messageId(caseId, execution.getProcessInstanceId(), step, recipient);
            boolean restrictedMail = restricted;
            MailRecord record = records.find(messageId).orElseGet(() -> new MailRecord(UUID.randomUUID(), messageId,
                    caseId, c.agencyId(), execution.getProcessInstanceId(), step, templateName, recipient.token(),
                    recipient.address(), text.subject(), attachmentNames, MailRecord.FAILED, restrictedMail, 0, null,
                    ChinaTime.nowOffset(), null));
            if (record.done()) {
                continue;
            }
            if (recipient.address() == null) {
                records.save(record.with(MailRecord.SKIPPED, "无电子邮箱地址，未发送", null));
                continue;
            }
            try {
                delivery.send(messageId, agency.name(), recipient, text, attachments);
                records.save(record.with(MailRecord.SENT, null, ChinaTime.nowOffset()));
                sentTo.add(recipient.address());
            } catch (RuntimeException e) {
                records.save(record.with(MailRecord.FAILED, truncate(String.valueOf(e.getMessage())), null));
                failures.add(recipient.address() + "：" + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new MailDeliveryFailedException("邮件发送失败（将自动重试）：" + String.join("；", failures));
        }
        if (!sentTo.isEmpty()) {
            events.record(caseId, "system", "邮件", "发送邮件：" + text.subject(), "收件人：" + String.join("、", sentTo),
                    restricted);
        }
    }

    static String messageId(UUID caseId, String processInstanceId, String activity, MailRecipients.Recipient r) {
        String key = r.address() == null ? "token:" + r.token() : r.address().toLowerCase(java.util.Locale.ROOT);
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return "<" + caseId + "." + processInstanceId + "." + activity + "." + hash + "@lawflow>";
    }

    private static String truncate(String s) {
        return s.length() > 1900 ? s.substring(0, 1900) : s;
    }

    /** An SMTP failure: the job fails and is retried; after the last retry it becomes an incident. */
    static class MailDeliveryFailedException extends RuntimeException {
        MailDeliveryFailedException(String message) {
            super(message);
        }
    }
}
