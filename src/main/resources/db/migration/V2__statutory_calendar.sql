-- Statutory calendar (法定节假日与调休): one row per calendar year known to the system and one row per
-- holiday date or make-up working day (调休上班). Weekends not listed are rest days; weekdays not listed are
-- working days. Filled at start-up from calendar/cn-holidays.csv for years not yet present, and by the
-- administrator through PUT /api/calendar/years/{year} when the State Council General Office publishes the
-- next year's notice (usually in November). A year missing here makes every deadline reaching it an error.
create table calendar_year (
    year_no     integer       primary key,
    notice      varchar(300)  not null,
    source      varchar(16)   not null,
    updated_by  varchar(64)   not null,
    updated_at  timestamp with time zone not null,
    constraint ck_calendar_year_source check (source in ('DATA_FILE', 'ADMIN'))
);

create table calendar_day (
    day_date    date          primary key,
    year_no     integer       not null references calendar_year(year_no) on delete cascade,
    kind        varchar(16)   not null,
    name        varchar(100)  not null,
    constraint ck_calendar_day_kind check (kind in ('HOLIDAY', 'WORKDAY'))
);
create index ix_calendar_day_year on calendar_day (year_no);
