package org.lawflow.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Case files in the app tables. Reads are not agency-checked here: {@link CaseFileService} does that. */
@Repository
public class CaseRepository {

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(EnforcementCase c) {
        var p = c.party();
        jdbc.sql("""
                insert into enforcement_case (id, agency_id, case_no, status, case_cause, party_type, party_name,
                  party_id_number, party_legal_rep, party_phone, party_address, party_email, facts, legal_basis,
                  penalty_basis, major_public_interest, complex_case, social_impact, filed_on, registered_by,
                  registered_at, version)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)""")
                .params(c.id(), c.agencyId(), c.caseNo(), c.status().name(), c.cause(), p.type().name(), p.name(),
                        p.idNumber(), p.legalRepresentative(), p.phone(), p.address(), p.email(), c.facts(),
                        c.legalBasis(), c.penaltyBasis(), c.majorPublicInterest(), c.complexCase(),
                        c.socialImpact(), c.filedOn(), c.registeredBy(), c.registeredAt())
                .update();
        for (String officer : c.officers()) {
            jdbc.sql("insert into case_officer (case_id, user_id) values (?, ?)").params(c.id(), officer).update();
        }
        for (int i = 0; i < c.evidence().size(); i++) {
            var e = c.evidence().get(i);
            jdbc.sql("insert into case_evidence (case_id, position, kind, description) values (?, ?, ?, ?)")
                    .params(c.id(), i + 1, e.kind(), e.description()).update();
        }
        for (var penalty : c.penalties()) {
            jdbc.sql("insert into proposed_penalty (case_id, kind, amount, detail) values (?, ?, ?, ?)")
                    .params(c.id(), penalty.kind().name(), penalty.amount(), penalty.detail()).update();
        }
    }

    public Optional<EnforcementCase> findById(UUID id) {
        return jdbc.sql("select * from enforcement_case where id = ?").param(id)
                .query((rs, i) -> map(rs)).optional();
    }

    public Optional<EnforcementCase> findByCaseNo(String agencyId, String caseNo) {
        return jdbc.sql("select * from enforcement_case where agency_id = ? and case_no = ?")
                .params(agencyId, caseNo).query((rs, i) -> map(rs)).optional();
    }

    public List<EnforcementCase> findByAgency(String agencyId, int limit) {
        return jdbc.sql("select * from enforcement_case where agency_id = ? order by registered_at desc limit ?")
                .params(agencyId, limit).query((rs, i) -> map(rs)).list();
    }

    /** Moves the case to a new status; returns false if it was not in one of the expected states. */
    public boolean updateStatus(UUID id, CaseStatus to, CaseStatus... from) {
        if (from.length == 0) {
            return jdbc.sql("update enforcement_case set status = ?, version = version + 1 where id = ?")
                    .params(to.name(), id).update() == 1;
        }
        String placeholders = String.join(",", java.util.Collections.nCopies(from.length, "?"));
        var params = new java.util.ArrayList<Object>(List.of(to.name(), id));
        for (CaseStatus s : from) {
            params.add(s.name());
        }
        return jdbc.sql("update enforcement_case set status = ?, version = version + 1 where id = ? and status in ("
                + placeholders + ")").params(params).update() == 1;
    }

    /** Next number of the agency's case register for the year; row-locked so numbers never repeat. */
    int nextCaseNumber(String agencyId, int year) {
        int updated = jdbc.sql("update case_number_sequence set last_no = last_no + 1 where agency_id = ? and case_year = ?")
                .params(agencyId, year).update();
        if (updated == 0) {
            jdbc.sql("insert into case_number_sequence (agency_id, case_year, last_no) values (?, ?, 1)")
                    .params(agencyId, year).update();
            return 1;
        }
        return jdbc.sql("select last_no from case_number_sequence where agency_id = ? and case_year = ?")
                .params(agencyId, year).query(Integer.class).single();
    }

    private EnforcementCase map(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        var party = new EnforcementCase.Party(EnforcementCase.PartyType.valueOf(rs.getString("party_type")),
                rs.getString("party_name"), rs.getString("party_id_number"), rs.getString("party_legal_rep"),
                rs.getString("party_phone"), rs.getString("party_address"), rs.getString("party_email"));
        List<String> officers = jdbc.sql("select user_id from case_officer where case_id = ? order by user_id")
                .param(id).query(String.class).list();
        List<EnforcementCase.Evidence> evidence = jdbc
                .sql("select kind, description from case_evidence where case_id = ? order by position").param(id)
                .query((r, i) -> new EnforcementCase.Evidence(r.getString(1), r.getString(2))).list();
        List<EnforcementCase.Penalty> penalties = jdbc
                .sql("select kind, amount, detail from proposed_penalty where case_id = ? order by kind").param(id)
                .query((r, i) -> new EnforcementCase.Penalty(PenaltyKind.valueOf(r.getString(1)), r.getBigDecimal(2),
                        r.getString(3)))
                .list();
        return new EnforcementCase(id, rs.getString("agency_id"), rs.getString("case_no"),
                CaseStatus.valueOf(rs.getString("status")), rs.getString("case_cause"), party, rs.getString("facts"),
                evidence, rs.getString("legal_basis"), rs.getString("penalty_basis"), penalties, officers,
                rs.getBoolean("major_public_interest"), rs.getBoolean("complex_case"), rs.getBoolean("social_impact"),
                rs.getObject("filed_on", LocalDate.class), rs.getString("registered_by"),
                rs.getObject("registered_at", OffsetDateTime.class));
    }
}
