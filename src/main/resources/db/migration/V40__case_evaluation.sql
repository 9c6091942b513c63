-- 案卷评查 (青交〔2024〕32号等: 每年度不少于1次，随机抽查，通报结果，整改不合格案卷). SQL valid on PostgreSQL 15 and H2 2.x.
-- One row per evaluation of an agency's year; open_key is agency:year while it runs and null afterwards, so the unique
-- key refuses a second running evaluation of the same year even when two supervisors start at once.
create table case_evaluation (
    id                  uuid          primary key,
    agency_id           varchar(32)   not null references agency(id),
    eval_year           int           not null,
    sample_size         int           not null,
    population          int,
    seed                bigint,
    status              varchar(16)   not null,
    open_key            varchar(48),
    process_instance_id varchar(64)   not null,
    started_by          varchar(64)   not null,
    started_at          timestamp with time zone not null,
    approved_by         varchar(64),
    approval_opinion    varchar(2000),
    closed_at           timestamp with time zone,
    constraint uq_case_evaluation_open unique (open_key)
);
create index ix_case_evaluation_agency on case_evaluation (agency_id, eval_year);

-- The drawn cases in draw order, each with its grade, findings (one line per checklist item) and rectification.
create table case_evaluation_sample (
    evaluation_id       uuid          not null references case_evaluation(id),
    case_id             uuid          not null references enforcement_case(id),
    position            int           not null,
    grade               varchar(16),
    findings            varchar(8000),
    evaluated_by        varchar(64),
    evaluated_at        timestamp with time zone,
    rectification       varchar(4000),
    rectified_by        varchar(64),
    rectified_at        timestamp with time zone,
    rectification_status varchar(16),
    confirm_opinion     varchar(2000),
    confirmed_by        varchar(64),
    confirmed_at        timestamp with time zone,
    primary key (evaluation_id, case_id)
);

-- The bulletin (案卷评查情况通报, PDF); one per evaluation, kept with the evaluation (it belongs to no single case).
create table case_evaluation_bulletin (
    evaluation_id uuid          primary key references case_evaluation(id),
    file_name     varchar(200)  not null,
    content       bytea         not null,
    sha256        varchar(64)   not null,
    created_at    timestamp with time zone not null
);
