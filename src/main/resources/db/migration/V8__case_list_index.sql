-- The case list (GET /api/cases) reads an agency's newest cases: "where agency_id = ? order by registered_at desc
-- limit 200". With ix_case_agency_status alone PostgreSQL scans and sorts all the agency's cases (10,000 cases:
-- 16.9 ms median); with this index it reads the first 200 index entries (0.16 ms). BENCHMARKS-taskquery.md.
create index ix_case_agency_registered on enforcement_case (agency_id, registered_at desc);
