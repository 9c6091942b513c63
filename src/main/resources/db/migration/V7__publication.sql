-- Publication of enforcement decisions (执法决定信息公示, 国办发〔2018〕118号: within 20 working days;
-- 行政处罚法第四十八条: withdraw within 3 working days when a decision is changed or revoked).
-- Only masked data is stored here: this table feeds the public page.
create table publication (
    id                uuid          primary key,
    case_id           uuid          not null references enforcement_case(id),
    agency_id         varchar(32)   not null references agency(id),
    agency_name       varchar(100)  not null,
    case_no           varchar(64)   not null,
    party_display     varchar(200)  not null,
    party_id_display  varchar(40)   not null,
    category          varchar(40)   not null,
    conclusion        varchar(2000) not null,
    decided_on        date          not null,
    published_at      timestamp with time zone not null,
    publication_due   date,
    published_by      varchar(64)   not null,
    withdrawn_at      timestamp with time zone,
    withdrawal_reason varchar(1000),
    withdrawal_due    date,
    constraint uq_publication_case unique (case_id)
);
create index ix_publication_public on publication (withdrawn_at, published_at);
