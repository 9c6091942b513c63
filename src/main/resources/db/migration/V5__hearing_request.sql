-- Hearing requests (听证申请, 行政处罚法第六十四条第一项: within 5 working days of the notice). Every request is
-- recorded, also the ones refused: DUPLICATE (already accepted), LATE (after the window), NOT_OPEN (before the
-- window opened or after the hearing flow ended). SQL valid on PostgreSQL 15 and H2 2.x.
create table hearing_request (
    id                  uuid          primary key,
    case_id             uuid          not null references enforcement_case(id),
    process_instance_id varchar(64),
    received_at         timestamp with time zone not null,
    recorded_at         timestamp with time zone not null,
    recorded_by         varchar(64)   not null,
    outcome             varchar(16)   not null,
    channel             varchar(16)   not null,
    note                varchar(1000)
);
create index ix_hearing_request_case on hearing_request (case_id, received_at);
create index ix_hearing_request_instance on hearing_request (process_instance_id, outcome);
