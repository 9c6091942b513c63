package org.lawflow.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PublicationRepository {

    private final JdbcClient jdbc;

    PublicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts once per case; a retried job finds the existing row (idempotent). */
    Publication insertIfAbsent(Publication p, String publishedBy) {
        Optional<Publication> existing = findByCase(p.caseId());
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("""
                insert into publication (id, case_id, agency_id, agency_name, case_no, party_display, party_id_display,
                  category, conclusion, decided_on, published_at, publication_due, published_by)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(p.id(), p.caseId(), p.agencyId(), p.agencyName(), p.caseNo(), p.partyDisplay(),
                        p.partyIdDisplay(), p.category(), p.conclusion(), p.decidedOn(), p.publishedAt(),
                        p.publicationDue(), publishedBy)
                .update();
        return p;
    }

    Optional<Publication> findByCase(UUID caseId) {
        return jdbc.sql("select * from publication where case_id = ?").param(caseId).query((rs, i) -> map(rs))
                .optional();
    }

    /** The entries on the public page: those in force, and those withdrawn at or after {@code withdrawnSince}. */
    List<Publication> findPublic(OffsetDateTime withdrawnSince, int limit) {
        return jdbc.sql("select * from publication where withdrawn_at is null or withdrawn_at >= ? "
                + "order by published_at desc limit ?").params(withdrawnSince, limit).query((rs, i) -> map(rs)).list();
    }

    boolean correct(UUID caseId, String conclusion, OffsetDateTime at) {
        return jdbc.sql("update publication set conclusion = ?, corrected_at = ? where case_id = ? and withdrawn_at is null")
                .params(conclusion, at, caseId).update() == 1;
    }

    boolean withdraw(UUID caseId, OffsetDateTime at, String reason, LocalDate due) {
        return jdbc.sql("update publication set withdrawn_at = ?, withdrawal_reason = ?, withdrawal_due = ? "
                + "where case_id = ? and withdrawn_at is null").params(at, reason, due, caseId).update() == 1;
    }

    private static Publication map(ResultSet rs) throws SQLException {
        return new Publication(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getString("agency_id"), rs.getString("agency_name"), rs.getString("case_no"),
                rs.getString("party_display"), rs.getString("party_id_display"), rs.getString("category"),
                rs.getString("conclusion"), rs.getObject("decided_on", LocalDate.class),
                rs.getObject("published_at", OffsetDateTime.class), rs.getObject("publication_due", LocalDate.class),
                rs.getObject("withdrawn_at", OffsetDateTime.class), rs.getString("withdrawal_reason"),
                rs.getObject("withdrawal_due", LocalDate.class), rs.getObject("corrected_at", OffsetDateTime.class));
    }
}
