package org.lawflow.casefile;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The full-process record (行政处罚法第四十七条): every step's actor, time and opinion, append-only.
 * Flows write to it through their delegates and listeners; {@code GET /api/cases/{id}} shows it.
 */
@Component
public class CaseEvents {

    public record CaseEvent(OffsetDateTime at, String actor, String step, String action, String detail) {
    }

    private final JdbcClient jdbc;

    CaseEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID caseId, String actor, String step, String action, String detail) {
        jdbc.sql("insert into case_event (case_id, at, actor, step, action, detail) values (?, ?, ?, ?, ?, ?)")
                .params(caseId, OffsetDateTime.now(), actor == null ? "system" : actor, step, action,
                        detail == null ? null : detail.length() > 4000 ? detail.substring(0, 4000) : detail)
                .update();
    }

    public List<CaseEvent> of(UUID caseId) {
        return jdbc.sql("select at, actor, step, action, detail from case_event where case_id = ? order by id")
                .param(caseId)
                .query((rs, i) -> new CaseEvent(rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("step"), rs.getString("action"), rs.getString("detail")))
                .list();
    }
}
