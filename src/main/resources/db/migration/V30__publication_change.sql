-- Changes to a published decision (行政处罚法第四十八条): an officer requests a withdrawal (撤回, approved or refused
-- by the head in the publication-withdrawal process) or corrects the published 执法结论 (更正). Every request stays
-- here with who asked, why, and how it was decided (the public page shows the reasons masked, from publication).
create table publication_change (
    id               uuid          primary key,
    case_id          uuid          not null references enforcement_case(id),
    kind             varchar(16)   not null,
    reason           varchar(1000) not null,
    changed_on       date,
    requested_by     varchar(64)   not null,
    requested_at     timestamp with time zone not null,
    status           varchar(16)   not null,
    decided_by       varchar(64),
    decided_at       timestamp with time zone,
    decision_reason  varchar(1000),
    constraint ck_publication_change_kind check (kind in ('WITHDRAWAL', 'CORRECTION')),
    constraint ck_publication_change_status check (status in ('PENDING', 'APPROVED', 'REFUSED'))
);
create index ix_publication_change_case on publication_change (case_id, status);

-- The public page shows "更正于…" on a corrected entry.
alter table publication add column corrected_at timestamp with time zone;
