package org.lawflow.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.lawflow.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * Mail to staff that belongs to no case: reports, digests and warnings to an agency's supervisors (group
 * {@code supervisor}, members of the agency's tenant with an e-mail) or to the system administrators. Same templates
 * (templates/mail/*.txt, Thymeleaf TEXT, the recipient's name as {@code name}) and the same SMTP path as the case
 * mails. The Message-ID is {@code <prefix.user@lawflow>}, stable per report and recipient; one already recorded in
 * {@link StaffMailRecords} is not sent again, so a retried job mails only those it had not reached.
 */
@Component
public class StaffMail {

    public record Attachment(String name, byte[] content, String contentType) {
    }

    private static final String SENDER = "LawFlow";

    private final IdentityService identity;
    private final MailDelivery delivery;
    private final StaffMailRecords records;
    private final org.lawflow.agency.AgencyRepository agencies;
    private final MailTemplates templates = new MailTemplates();

    StaffMail(IdentityService identity, MailDelivery delivery, StaffMailRecords records,
            org.lawflow.agency.AgencyRepository agencies) {
        this.identity = identity;
        this.delivery = delivery;
        this.records = records;
        this.agencies = agencies;
    }

    /**
     * Sends the template to the agency's recipients named by tokens: {@code superior} (the agency's superior body) and
     * {@code group:<id>} (the agency's members of the group with an e-mail). Returns the addresses mailed.
     */
    public List<String> toAgency(String agency, List<String> tokens, String template, Map<String, ?> values,
            String messageIdPrefix, List<Attachment> attachments) {
        List<String> sent = new ArrayList<>();
        for (String token : tokens) {
            if (token.equals("superior")) {
                var superior = agencies.get(agency).superior();
                if (superior.email() != null && !superior.email().isBlank()) {
                    var body = identity.newUser("superior");
                    body.setLastName(superior.name());
                    body.setEmail(superior.email());
                    sent.addAll(sendTo(List.of(body), template, values, messageIdPrefix, attachments));
                }
            } else if (token.startsWith("group:")) {
                sent.addAll(sendTo(identity.createUserQuery().memberOfGroup(token.substring(6).strip())
                        .memberOfTenant(agency).list(), template, values, messageIdPrefix, attachments));
            } else {
                throw new IllegalStateException("Unknown staff mail recipient token '" + token + "'");
            }
        }
        return sent.stream().distinct().toList();
    }

    /** Sends the template to each supervisor of the agency; returns the addresses mailed (now or before). */
    public List<String> toSupervisors(String agency, String template, Map<String, ?> values, String messageIdPrefix,
            List<Attachment> attachments) {
        return sendTo(identity.createUserQuery().memberOfGroup(Groups.SUPERVISOR).memberOfTenant(agency).list(),
                template, values, messageIdPrefix, attachments);
    }

    /** Sends the template to the system administrators (group camunda-admin). */
    public List<String> toAdministrators(String template, Map<String, ?> values, String messageIdPrefix) {
        return sendTo(identity.createUserQuery().memberOfGroup(Groups.ADMIN).list(), template, values,
                messageIdPrefix, List.of());
    }

    private List<String> sendTo(List<User> users, String template, Map<String, ?> values, String messageIdPrefix,
            List<Attachment> attachments) {
        List<MailDelivery.Attachment> files = attachments.stream()
                .map(a -> new MailDelivery.Attachment(a.name(), a.contentType(), a.content())).toList();
        List<String> sent = new ArrayList<>();
        for (User user : users) {
            if (user.getEmail() == null || user.getEmail().isBlank()) {
                continue;
            }
            String name = ((user.getLastName() == null ? "" : user.getLastName())
                    + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
            String messageId = "<" + messageIdPrefix + "." + user.getId() + "@lawflow>";
            if (!records.sent(messageId)) {
                Map<String, Object> model = new HashMap<>(values);
                model.put("name", name);
                var text = templates.render(template, model);
                delivery.send(messageId, SENDER, new MailRecipients.Recipient("user:" + user.getId(), user.getEmail(),
                        name), text, files);
                records.recordSent(messageId, user.getEmail(), text.subject());
            }
            sent.add(user.getEmail());
        }
        return sent;
    }
}
