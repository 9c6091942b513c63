package org.lawflow.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lawflow.system.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The calendar tables (V2): years with their notice, and the holiday / make-up days of each. */
@Repository
class CalendarStore {

    static final String DATA_FILE = "DATA_FILE";
    static final String ADMIN = "ADMIN";
    private static final Logger log = LoggerFactory.getLogger(CalendarStore.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    CalendarStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    record YearSummary(int year, String notice, String source, String updatedBy, OffsetDateTime updatedAt,
            int holidays, int workdays) {
    }

    /** Stores the data file's years that the database does not have yet; years already there stay as they are. */
    void importMissing(List<CalendarYear> fromFile) {
        List<Integer> present = years();
        for (CalendarYear year : fromFile) {
            if (present.contains(year.year())) {
                continue;
            }
            try {
                tx.executeWithoutResult(s -> insert(year, DATA_FILE, "system"));
                log.info("Statutory calendar {} stored at start-up: {}", year.year(), year.notice());
            } catch (DuplicateKeyException e) {
                log.info("Statutory calendar {} was loaded concurrently by another node", year.year());
            }
        }
    }

    /** Adds or replaces a year; true if it was new. */
    boolean save(CalendarYear year, String user) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            boolean existed = jdbc.sql("delete from calendar_year where year_no = ?").param(year.year()).update() == 1;
            jdbc.sql("delete from calendar_day where year_no = ?").param(year.year()).update();
            insert(year, ADMIN, user);
            return !existed;
        }));
    }

    boolean delete(int year) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            jdbc.sql("delete from calendar_day where year_no = ?").param(year).update();
            return jdbc.sql("delete from calendar_year where year_no = ?").param(year).update() == 1;
        }));
    }

    private void insert(CalendarYear year, String source, String user) {
        jdbc.sql("insert into calendar_year (year_no, notice, source, updated_by, updated_at) values (?, ?, ?, ?, ?)")
                .params(year.year(), year.notice().strip(), source, user, ChinaTime.nowOffset()).update();
        year.restDays().forEach((day, name) -> insertDay(year.year(), day, "HOLIDAY", name));
        year.makeUpDays().forEach((day, name) -> insertDay(year.year(), day, "WORKDAY", name));
    }

    private void insertDay(int year, LocalDate day, String kind, String name) {
        jdbc.sql("insert into calendar_day (day_date, year_no, kind, name) values (?, ?, ?, ?)")
                .params(day, year, kind, name).update();
    }

    List<Integer> years() {
        return jdbc.sql("select year_no from calendar_year order by year_no").query(Integer.class).list();
    }

    List<YearSummary> summaries() {
        return jdbc.sql("""
                select y.year_no, y.notice, y.source, y.updated_by, y.updated_at,
                  (select count(*) from calendar_day d where d.year_no = y.year_no and d.kind = 'HOLIDAY') holidays,
                  (select count(*) from calendar_day d where d.year_no = y.year_no and d.kind = 'WORKDAY') workdays
                from calendar_year y order by y.year_no""")
                .query((rs, i) -> new YearSummary(rs.getInt("year_no"), rs.getString("notice"),
                        rs.getString("source"), rs.getString("updated_by"),
                        rs.getObject("updated_at", OffsetDateTime.class), rs.getInt("holidays"),
                        rs.getInt("workdays")))
                .list();
    }

    record LocalDay(String agencyId, LocalDate date, String name, String source, String createdBy,
            OffsetDateTime createdAt) {
    }

    List<LocalDay> localDays() {
        return jdbc.sql("select agency_id, day_date, name, source, created_by, created_at from calendar_local_day "
                + "order by agency_id, day_date")
                .query((rs, i) -> new LocalDay(rs.getString("agency_id"), rs.getObject("day_date", LocalDate.class),
                        rs.getString("name"), rs.getString("source"), rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    boolean agencyExists(String agency) {
        return jdbc.sql("select count(*) from agency where id = ?").param(agency).query(Integer.class).single() > 0;
    }

    void saveLocalDay(String agency, LocalDate day, String name, String source, String user) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("delete from calendar_local_day where agency_id = ? and day_date = ?").params(agency, day).update();
            jdbc.sql("insert into calendar_local_day (agency_id, day_date, name, source, created_by, created_at) "
                    + "values (?, ?, ?, ?, ?, ?)").params(agency, day, name, source, user, ChinaTime.nowOffset())
                    .update();
        });
    }

    boolean deleteLocalDay(String agency, LocalDate day) {
        return jdbc.sql("delete from calendar_local_day where agency_id = ? and day_date = ?").params(agency, day)
                .update() == 1;
    }

    /** All years with their days and the agencies' local rest days, as the in-memory calendar. */
    StatutoryCalendar load() {
        Map<Integer, String> notices = new TreeMap<>();
        jdbc.sql("select year_no, notice from calendar_year").query(rs -> {
            notices.put(rs.getInt("year_no"), rs.getString("notice"));
        });
        Map<Integer, Map<LocalDate, String>> rest = new HashMap<>();
        Map<Integer, Map<LocalDate, String>> makeUp = new HashMap<>();
        jdbc.sql("select day_date, year_no, kind, name from calendar_day").query(rs -> {
            var target = "HOLIDAY".equals(rs.getString("kind")) ? rest : makeUp;
            target.computeIfAbsent(rs.getInt("year_no"), y -> new TreeMap<>())
                    .put(rs.getObject("day_date", LocalDate.class), rs.getString("name"));
        });
        List<CalendarYear> years = new ArrayList<>();
        notices.forEach((year, notice) -> years.add(CalendarYear.fromDays(year, notice,
                rest.getOrDefault(year, Map.of()), makeUp.getOrDefault(year, Map.of()))));
        Map<String, Map<LocalDate, String>> local = new TreeMap<>();
        localDays().forEach(d -> local.computeIfAbsent(d.agencyId(), a -> new TreeMap<>()).put(d.date(), d.name()));
        return new StatutoryCalendar(years, local);
    }
}
