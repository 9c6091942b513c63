package org.lawflow.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PublicationChangeRepository {

    private final JdbcClient jdbc;

    PublicationChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PublicationChange c) {
        jdbc.sql("""
                insert into publication_change (id, case_id, kind, reason, changed_on, requested_by, requested_at,
                  status, decided_by, decided_at, decision_reason)
                values (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(c.id(), c.caseId(), c.kind().name(), c.reason(), c.changedOn(), c.requestedBy(),
                        c.requestedAt(), c.status().name(), c.decidedBy(), c.decidedAt(), c.decisionReason())
                .update();
    }

    Optional<PublicationChange> findById(UUID id) {
        return jdbc.sql("select * from publication_change where id = ?").param(id).query((rs, i) -> map(rs))
                .optional();
    }

    Optional<PublicationChange> findPending(UUID caseId, PublicationChange.Kind kind) {
        return jdbc.sql("select * from publication_change where case_id = ? and kind = ? and status = 'PENDING'")
                .params(caseId, kind.name()).query((rs, i) -> map(rs)).optional();
    }

    /** Decides a pending request once; false when it was decided already. */
    boolean decide(UUID id, PublicationChange.Status status, String decidedBy, OffsetDateTime at, String reason) {
        return jdbc.sql("update publication_change set status = ?, decided_by = ?, decided_at = ?, decision_reason = ? "
                + "where id = ? and status = 'PENDING'").params(status.name(), decidedBy, at, reason, id).update() == 1;
    }

    private static PublicationChange map(ResultSet rs) throws SQLException {
        return new PublicationChange(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                PublicationChange.Kind.valueOf(rs.getString("kind")), rs.getString("reason"),
                rs.getObject("changed_on", LocalDate.class), rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class),
                PublicationChange.Status.valueOf(rs.getString("status")), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decision_reason"));
    }
}
