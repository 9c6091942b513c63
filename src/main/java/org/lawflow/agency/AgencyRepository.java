package org.lawflow.agency;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads agencies; administrators maintain the rows (addresses) directly in the {@code agency} table. */
@Repository
public class AgencyRepository {

    private static final RowMapper<Agency> MAPPER = (rs, i) -> new Agency(
            rs.getString("id"), rs.getString("name"), rs.getString("case_no_prefix"),
            new Agency.Recipient(rs.getString("superior_name"), rs.getString("superior_email")),
            new Agency.Recipient(rs.getString("justice_bureau_name"), rs.getString("justice_bureau_email")),
            new Agency.Recipient(rs.getString("police_name"), rs.getString("police_email")),
            new Agency.Recipient(rs.getString("procuratorate_name"), rs.getString("procuratorate_email")),
            new Agency.Recipient(rs.getString("discipline_name"), rs.getString("discipline_email")),
            new Agency.Recipient(rs.getString("internal_discipline_name"), rs.getString("internal_discipline_email")));

    private final JdbcClient jdbc;

    AgencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Agency> findAll() {
        return jdbc.sql("select * from agency order by id").query(MAPPER).list();
    }

    public Optional<Agency> findById(String id) {
        return jdbc.sql("select * from agency where id = ?").param(id).query(MAPPER).optional();
    }

    public Agency get(String id) {
        return findById(id).orElseThrow(() -> new IllegalStateException("Unknown agency " + id));
    }
}
