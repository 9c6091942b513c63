-- PostgreSQL only (spring.flyway.locations: db/vendor/{vendor}). PDFs and ZIP packages are compressed already; with
-- the default storage (EXTENDED) PostgreSQL tried pglz on every inserted document and package, found nothing to
-- gain (sizes equal), and threw the work away: 0.36 ms against 0.08 ms per 34 KB PDF (BENCHMARKS.md, eighth round).
-- EXTERNAL keeps the values out of line, uncompressed. Rows stored before keep their form.
alter table document alter column content set storage external;
alter table filing_package alter column content set storage external;
