package org.lawflow.hearing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.Cases;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.system.ChinaTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link HearingRecords} on the case file, the case event log and the V5 {@code hearing_request} table. */
@Component
class JdbcHearingRecords implements HearingRecords {

    record HearingRequestRow(UUID id, OffsetDateTime receivedAt, OffsetDateTime recordedAt, String recordedBy,
            RequestOutcome outcome, String outcomeLabel, String channel, String note, String processInstanceId) {
    }

    private final Cases cases;
    private final CaseEvents events;
    private final JdbcClient jdbc;

    JdbcHearingRecords(Cases cases, CaseEvents events, JdbcClient jdbc) {
        this.cases = cases;
        this.events = events;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CaseRef> caseById(String caseId) {
        return cases.findById(UUID.fromString(caseId)).map(JdbcHearingRecords::ref);
    }

    @Override
    public Optional<CaseRef> caseByNo(String agencyId, String caseNo) {
        return cases.findByCaseNo(agencyId, caseNo).map(JdbcHearingRecords::ref);
    }

    @Override
    public void lock(String caseId) {
        cases.lock(UUID.fromString(caseId));
    }

    @Override
    public void event(String caseId, String actor, String step, String action, String detail) {
        events.record(UUID.fromString(caseId), actor, step, action, detail);
    }

    @Override
    public void request(String caseId, String processInstanceId, OffsetDateTime receivedAt, RequestOutcome outcome,
            String channel, String note, String recordedBy) {
        jdbc.sql("""
                insert into hearing_request (id, case_id, process_instance_id, received_at, recorded_at, recorded_by,
                  outcome, channel, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), UUID.fromString(caseId), processInstanceId, receivedAt,
                        ChinaTime.nowOffset(), recordedBy == null ? "system" : recordedBy,
                        outcome.name(), channel, note)
                .update();
    }

    /** Writes the request down as RECEIVED; {@link #decided} later sets what became of it. */
    UUID receive(UUID caseId, OffsetDateTime receivedAt, String channel, String note, String recordedBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into hearing_request (id, case_id, process_instance_id, received_at, recorded_at, recorded_by,
                  outcome, channel, note) values (?, ?, null, ?, ?, ?, 'RECEIVED', ?, ?)""")
                .params(id, caseId, receivedAt, ChinaTime.nowOffset(), recordedBy, channel, note)
                .update();
        return id;
    }

    void decided(UUID requestId, String processInstanceId, RequestOutcome outcome) {
        jdbc.sql("update hearing_request set outcome = ?, process_instance_id = ? where id = ?")
                .params(outcome.name(), processInstanceId, requestId).update();
    }

    @Override
    public boolean hasUndecidedRequestBy(String caseId, OffsetDateTime deadline) {
        return jdbc.sql("select count(*) from hearing_request where case_id = ? and outcome = 'RECEIVED' "
                + "and received_at <= ?").params(UUID.fromString(caseId), deadline).query(Integer.class).single() > 0;
    }

    List<HearingRequestRow> requests(UUID caseId) {
        return jdbc.sql("""
                select id, received_at, recorded_at, recorded_by, outcome, channel, note, process_instance_id
                from hearing_request where case_id = ? order by received_at, recorded_at""")
                .param(caseId)
                .query((rs, i) -> {
                    RequestOutcome outcome = RequestOutcome.valueOf(rs.getString("outcome"));
                    return new HearingRequestRow(rs.getObject("id", UUID.class),
                            rs.getObject("received_at", OffsetDateTime.class),
                            rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("recorded_by"), outcome,
                            outcome.label(), rs.getString("channel"), rs.getString("note"),
                            rs.getString("process_instance_id"));
                })
                .list();
    }

    boolean hasAccepted(String processInstanceId) {
        return jdbc.sql("select count(*) from hearing_request where process_instance_id = ? and outcome = 'ACCEPTED'")
                .param(processInstanceId).query(Integer.class).single() > 0;
    }

    private static CaseRef ref(EnforcementCase c) {
        return new CaseRef(c.id().toString(), c.caseNo(), c.cause(), c.agencyId(), c.officers());
    }
}
