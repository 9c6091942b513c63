package org.lawflow.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case files in the app tables, private to casefile: other modules read through {@link Cases} or
 * {@link CaseFileService} (agency-checked), and the status changes only through {@link CaseLifecycle}.
 */
@Repository
class CaseRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate requiresNew;
    private final String lockCase;

    CaseRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager, DataSource dataSource) {
        this.jdbc = jdbc;
        this.requiresNew = new TransactionTemplate(transactionManager);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // PostgreSQL: FOR NO KEY UPDATE, not FOR UPDATE. A job that inserted a row referencing the case (a document, a
        // package) holds a FOR KEY SHARE lock on the case row until commit; FOR UPDATE conflicts with that, so two jobs
        // of one case (its review and its clue transfer) that both wrote a document and then recorded an event
        // deadlocked (CaseRecordLockTest, found by CrashRecoveryTest). FOR NO KEY UPDATE still serialises the writers
        // of the chain but lets foreign-key checks pass. H2 (demo) knows only FOR UPDATE and has no such key locks.
        this.lockCase = "select id from enforcement_case where id = ? for " + (isPostgres(dataSource) ? "no key update" : "update");
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("database not reachable at start-up", e);
        }
    }

    /**
     * Locks the case row until the transaction ends: serialises the writers of the case's record chain and the
     * starts of its flows (whoever comes second sees what the first committed). Needs a transaction.
     */
    void lock(UUID id) {
        jdbc.sql(lockCase).param(id).query().singleValue();
    }

    void insert(EnforcementCase c) {
        var p = c.party();
        jdbc.sql("""
                insert into enforcement_case (id, agency_id, case_no, status, case_cause, party_type, party_name,
                  party_id_number, party_legal_rep, party_phone, party_address, party_email, facts, legal_basis,
                  penalty_basis, major_public_interest, complex_case, social_impact, third_party_major_interest, filed_on,
                  registered_by, registered_at, version)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)""")
                .params(c.id(), c.agencyId(), c.caseNo(), c.status().name(), c.cause(), p.type().name(), p.name(),
                        p.idNumber(), p.legalRepresentative(), p.phone(), p.address(), p.email(), c.facts(),
                        c.legalBasis(), c.penaltyBasis(), c.majorPublicInterest(), c.complexCase(),
                        c.socialImpact(), c.thirdPartyMajorInterest(), c.filedOn(), c.registeredBy(), c.registeredAt())
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

    /** 补充调查: replaces facts, evidence list and penalties of the case (the caller records each change). */
    void amend(UUID id, String facts, java.util.List<EnforcementCase.Evidence> evidence,
            java.util.List<EnforcementCase.Penalty> penalties) {
        jdbc.sql("update enforcement_case set facts = ?, version = version + 1 where id = ?").params(facts, id).update();
        jdbc.sql("delete from case_evidence where case_id = ?").param(id).update();
        for (int i = 0; i < evidence.size(); i++) {
            var e = evidence.get(i);
            jdbc.sql("insert into case_evidence (case_id, position, kind, description) values (?, ?, ?, ?)")
                    .params(id, i + 1, e.kind(), e.description()).update();
        }
        jdbc.sql("delete from proposed_penalty where case_id = ?").param(id).update();
        for (var penalty : penalties) {
            jdbc.sql("insert into proposed_penalty (case_id, kind, amount, detail) values (?, ?, ?, ?)")
                    .params(id, penalty.kind().name(), penalty.amount(), penalty.detail()).update();
        }
    }

    Optional<EnforcementCase> findById(UUID id) {
        return load("select * from enforcement_case where id = ?", id).stream().findFirst();
    }

    Optional<EnforcementCase> findByCaseNo(String agencyId, String caseNo) {
        return load("select * from enforcement_case where agency_id = ? and case_no = ?", agencyId, caseNo).stream()
                .findFirst();
    }

    /** One page of the agencies' cases, newest first; ties broken by id, so consecutive pages never overlap. */
    List<EnforcementCase> findByAgencies(List<String> agencyIds, long offset, int limit) {
        if (agencyIds.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<Object>(agencyIds);
        params.add(limit);
        params.add(offset);
        return load("select * from enforcement_case where agency_id" + in(agencyIds.size())
                + " order by registered_at desc, id limit ? offset ?", params.toArray());
    }

    /** Like {@link #findByAgencies}, only cases in one of {@code statuses}. */
    List<EnforcementCase> findByAgenciesInStatus(List<String> agencyIds, java.util.Collection<CaseStatus> statuses,
            long offset, int limit) {
        if (agencyIds.isEmpty() || statuses.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<Object>(agencyIds);
        statuses.forEach(s -> params.add(s.name()));
        params.add(limit);
        params.add(offset);
        return load("select * from enforcement_case where agency_id" + in(agencyIds.size()) + " and status"
                + in(statuses.size()) + " order by registered_at desc, id limit ? offset ?", params.toArray());
    }

    long countByAgencies(List<String> agencyIds) {
        if (agencyIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from enforcement_case where agency_id" + in(agencyIds.size()))
                .params(List.<Object>copyOf(agencyIds)).query(Long.class).single();
    }

    /**
     * The next {@code limit} case ids of the agencies after {@code after} (null: from the start) in id order: a walk
     * through every case in chunks that a case registered meanwhile cannot shift.
     */
    List<UUID> idsByAgenciesAfter(List<String> agencyIds, UUID after, int limit) {
        if (agencyIds.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<Object>(agencyIds);
        String from = "";
        if (after != null) {
            from = " and id > ?";
            params.add(after);
        }
        params.add(limit);
        return jdbc.sql("select id from enforcement_case where agency_id" + in(agencyIds.size()) + from
                + " order by id limit ?").params(params).query(UUID.class).list();
    }

    private static String in(int count) {
        return " in (" + String.join(",", java.util.Collections.nCopies(count, "?")) + ")";
    }

    Optional<CaseStatus> statusOf(UUID id) {
        return jdbc.sql("select status from enforcement_case where id = ?").param(id).query(String.class).optional()
                .map(CaseStatus::valueOf);
    }

    /** Only {@link CaseLifecycle} calls this, after checking the move against its table. */
    void writeStatus(UUID id, CaseStatus to) {
        jdbc.sql("update enforcement_case set status = ?, version = version + 1 where id = ?").params(to.name(), id)
                .update();
    }

    /** Next number of the agency's case register for the year; row-locked so numbers never repeat. */
    int nextCaseNumber(String agencyId, int year) {
        if (incrementCaseNumber(agencyId, year) == 0) {
            // The year's first case: create the counter in its own transaction, so that concurrent first
            // registrations meet at the row lock of the update below instead of failing on a duplicate insert.
            try {
                requiresNew.executeWithoutResult(status -> jdbc.sql(
                        "insert into case_number_sequence (agency_id, case_year, last_no) values (?, ?, 0)")
                        .params(agencyId, year).update());
            } catch (DuplicateKeyException createdByAnotherRegistration) {
                // fine: the row exists now
            }
            incrementCaseNumber(agencyId, year);
        }
        return jdbc.sql("select last_no from case_number_sequence where agency_id = ? and case_year = ?")
                .params(agencyId, year).query(Integer.class).single();
    }

    private int incrementCaseNumber(String agencyId, int year) {
        return jdbc.sql("update case_number_sequence set last_no = last_no + 1 where agency_id = ? and case_year = ?")
                .params(agencyId, year).update();
    }

    /**
     * The cases the query selects, with officers, evidence and penalties fetched by one query per table for all of
     * them (a list of 200 cases is 4 queries, not 601).
     */
    private List<EnforcementCase> load(String sql, Object... params) {
        List<EnforcementCase> cases = jdbc.sql(sql).params(params).query((rs, i) -> map(rs)).list();
        if (cases.isEmpty()) {
            return cases;
        }
        List<Object> ids = cases.stream().<Object>map(EnforcementCase::id).toList();
        String in = in(ids.size());
        Map<UUID, List<String>> officers = new HashMap<>();
        jdbc.sql("select case_id, user_id from case_officer where case_id" + in + " order by user_id").params(ids)
                .query(rs -> {
                    officers.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<UUID, List<EnforcementCase.Evidence>> evidence = new HashMap<>();
        jdbc.sql("select case_id, kind, description from case_evidence where case_id" + in + " order by position")
                .params(ids).query(rs -> {
                    evidence.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new EnforcementCase.Evidence(rs.getString(2), rs.getString(3)));
                });
        Map<UUID, List<EnforcementCase.Penalty>> penalties = new HashMap<>();
        jdbc.sql("select case_id, kind, amount, detail from proposed_penalty where case_id" + in + " order by kind")
                .params(ids).query(rs -> {
                    penalties.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new EnforcementCase.Penalty(PenaltyKind.valueOf(rs.getString(2)), rs.getBigDecimal(3),
                                    rs.getString(4)));
                });
        return cases.stream().map(c -> new EnforcementCase(c.id(), c.agencyId(), c.caseNo(), c.status(), c.cause(),
                c.party(), c.facts(), evidence.getOrDefault(c.id(), List.of()), c.legalBasis(), c.penaltyBasis(),
                penalties.getOrDefault(c.id(), List.of()), officers.getOrDefault(c.id(), List.of()),
                c.majorPublicInterest(), c.complexCase(), c.socialImpact(), c.thirdPartyMajorInterest(), c.filedOn(),
                c.registeredBy(), c.registeredAt())).toList();
    }

    /** The case row without its child rows (added by {@link #load}). */
    private static EnforcementCase map(ResultSet rs) throws SQLException {
        var party = new EnforcementCase.Party(EnforcementCase.PartyType.valueOf(rs.getString("party_type")),
                rs.getString("party_name"), rs.getString("party_id_number"), rs.getString("party_legal_rep"),
                rs.getString("party_phone"), rs.getString("party_address"), rs.getString("party_email"));
        return new EnforcementCase(rs.getObject("id", UUID.class), rs.getString("agency_id"), rs.getString("case_no"),
                CaseStatus.valueOf(rs.getString("status")), rs.getString("case_cause"), party, rs.getString("facts"),
                List.of(), rs.getString("legal_basis"), rs.getString("penalty_basis"), List.of(), List.of(),
                rs.getBoolean("major_public_interest"), rs.getBoolean("complex_case"), rs.getBoolean("social_impact"),
                rs.getBoolean("third_party_major_interest"), rs.getObject("filed_on", LocalDate.class), rs.getString("registered_by"),
                rs.getObject("registered_at", OffsetDateTime.class));
    }
}
