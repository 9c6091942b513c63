package org.lawflow.casefile;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code penalty_revision}: append-only, in insertion order. */
@Repository
class PenaltyRevisions {

    private final JdbcClient jdbc;

    PenaltyRevisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID caseId, PenaltyRevision r) {
        jdbc.sql("insert into penalty_revision (case_id, stage, kind, amount, description, actor, at, reason) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(caseId, r.stage().name(), r.kind(), r.amount(), r.text(), r.actor(), r.at(),
                        r.reason() == null || r.reason().length() <= 4000 ? r.reason() : r.reason().substring(0, 4000))
                .update();
    }

    List<PenaltyRevision> ofCase(UUID caseId) {
        return jdbc.sql("select * from penalty_revision where case_id = ? order by id").param(caseId)
                .query((rs, i) -> new PenaltyRevision(PenaltyRevision.Stage.valueOf(rs.getString("stage")),
                        rs.getString("kind"), rs.getBigDecimal("amount"), rs.getString("description"),
                        rs.getString("actor"), rs.getObject("at", java.time.OffsetDateTime.class),
                        rs.getString("reason")))
                .list();
    }
}
