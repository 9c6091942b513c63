-- Mails of reports that belong to no case (monthly statistics, overdue digest): one row per Message-ID sent, written
-- in its own transaction right after the SMTP server accepted the mail, so a retried job does not send it again.
create table report_mail (
    message_id varchar(300) primary key,
    recipient  varchar(320) not null,
    subject    varchar(500) not null,
    sent_at    timestamp with time zone not null
);
