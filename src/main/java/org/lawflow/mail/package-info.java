/**
 * Mail (Jakarta Mail): the BPMN service task {@code sendMailDelegate} sends notices, reminders and packages with
 * a stable Message-ID per case, step and recipient, records every mail (table mail_record, section "mails" of the
 * case), mails staff when a task arrives and when it is about to lapse (TaskMails, sent after the commit by
 * TaskMailOutbox), and in the demo profile runs an embedded SMTP sink with the page /demo/mails.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"agency", "casefile", "documents", "identity", "system"})
package org.lawflow.mail;
