-- Generated documents (执法文书, PDF) and packages (备案/移送材料, ZIP with manifest.json), stored in the database
-- so that backups and the full-process record cover them. SQL valid on PostgreSQL 15 and H2 2.x.
-- process_instance_id is '' (not null) outside a process so that the unique keys work on both databases.
create table document (
    id                  uuid          primary key,
    case_id             uuid          not null references enforcement_case(id),
    agency_id           varchar(32)   not null references agency(id),
    kind                varchar(40)   not null,
    title               varchar(100)  not null,
    doc_no              varchar(100)  not null,
    file_name           varchar(200)  not null,
    content             bytea         not null,
    sha256              varchar(64)   not null,
    content_sha256      varchar(64)   not null,
    size_bytes          bigint        not null,
    process_instance_id varchar(64)   not null,
    step                varchar(255)  not null,
    created_at          timestamp with time zone not null,
    -- one document per kind and step of a process instance: a retried job finds it instead of adding one
    constraint uq_document_step unique (case_id, kind, process_instance_id, step)
);
create index ix_document_case on document (case_id, kind, created_at);

create table filing_package (
    id                  uuid          primary key,
    case_id             uuid          not null references enforcement_case(id),
    agency_id           varchar(32)   not null references agency(id),
    kind                varchar(40)   not null,
    file_name           varchar(200)  not null,
    content             bytea         not null,
    manifest            varchar(20000) not null,
    sha256              varchar(64)   not null,
    size_bytes          bigint        not null,
    process_instance_id varchar(64)   not null,
    step                varchar(255)  not null,
    created_at          timestamp with time zone not null,
    -- idempotent per (case, package kind, process instance)
    constraint uq_package_instance unique (case_id, kind, process_instance_id)
);
create index ix_package_case on filing_package (case_id, created_at);
