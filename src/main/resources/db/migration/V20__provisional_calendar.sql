-- Deadlines the engine counted through a year without a loaded State Council holiday notice (provisional years,
-- 全国年节及纪念日放假办法): what was counted (period, unit, amount, start, agency, whose right it protects) and the
-- date used, so that they are recomputed when the notice is entered (PUT /api/calendar/years/{year}).
-- No foreign keys into ACT_*. SQL valid on PostgreSQL 15 and H2 2.x.
create table provisional_deadline (
    id                  uuid          primary key,
    process_instance_id varchar(64)   not null,
    activity_id         varchar(255),
    business_key        varchar(255),
    tenant_id           varchar(64),
    period              varchar(64)   not null,
    unit                varchar(16)   not null,
    amount              integer       not null,
    from_date           date          not null,
    protects            varchar(16)   not null,
    earliest            date          not null,
    latest              date          not null,
    due                 date          not null,
    told_due            date          not null,
    years               varchar(100)  not null,
    recorded_at         timestamp with time zone not null,
    settled_at          timestamp with time zone
);
create index ix_provisional_deadline_open on provisional_deadline (settled_at, process_instance_id);

-- Rest days an agency's local government declares (全国年节及纪念日放假办法第四条: e.g. the Tibetan, Hui and Salar
-- areas of Qinghai); they count for that agency's deadlines only. Each entry names its source.
create table calendar_local_day (
    agency_id   varchar(64)   not null references agency(id),
    day_date    date          not null,
    name        varchar(100)  not null,
    source      varchar(300)  not null,
    created_by  varchar(64)   not null,
    created_at  timestamp with time zone not null,
    primary key (agency_id, day_date)
);
