-- Every mail LawFlow sends (or skips, e.g. a party without e-mail), one row per recipient and step.
-- message_id = <caseId.processInstanceId.activityId.recipientHash@lawflow>: a retried job finds the row as SENT
-- and does not send again. Rows are written in their own transaction right after the SMTP server accepted the mail.
create table mail_record (
    id                  uuid          primary key,
    message_id          varchar(300)  not null,
    case_id             uuid          not null references enforcement_case(id),
    agency_id           varchar(32)   not null references agency(id),
    process_instance_id varchar(64)   not null,
    activity_id         varchar(255)  not null,
    template            varchar(100)  not null,
    recipient_token     varchar(300)  not null,
    recipient           varchar(300),
    subject             varchar(500),
    attachments         varchar(2000),
    status              varchar(16)   not null,
    -- discipline matters (纪检监察): visible only to agency-head and supervisor
    restricted          boolean       not null,
    attempts            int           not null,
    last_error          varchar(2000),
    created_at          timestamp with time zone not null,
    sent_at             timestamp with time zone,
    constraint uq_mail_message_id unique (message_id)
);
create index ix_mail_case on mail_record (case_id, created_at);
