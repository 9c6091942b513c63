package org.lawflow.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lawflow.system.ChinaTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The V6 tables: transfers, police answers, handovers and discipline clues. */
@Repository
class TransferRepository {

    private final JdbcClient jdbc;

    TransferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID caseId, String agencyId, TransferKind kind, String startedBy, String startedFrom,
            String reason, String suspectedCrime, String team, String leadOfficer) {
        OffsetDateTime now = ChinaTime.nowOffset();
        jdbc.sql("""
                insert into case_transfer (id, case_id, agency_id, kind, status, started_by, started_at, started_from,
                  reason, suspected_crime, team, lead_officer, updated_at)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(id, caseId, agencyId, kind.name(), Transfer.Statuses.REGISTERED, startedBy, now, startedFrom,
                        cut(reason, 4000), cut(suspectedCrime, 500), cut(team, 1000), leadOfficer, now)
                .update();
    }

    void insertClue(UUID transferId, Transfer.Clue c) {
        jdbc.sql("""
                insert into discipline_clue (transfer_id, person_involved, person_position, cadre_level, party_member,
                  clue_facts, clue_materials, discovered_on) values (?,?,?,?,?,?,?,?)""")
                .params(transferId, c.personInvolved(), c.personPosition(), c.cadreLevel(), c.partyMember(),
                        c.clueFacts(), cut(c.clueMaterials(), 4000), c.discoveredOn())
                .update();
    }

    /** Sets one column (from a fixed list, never user input) and the status; {@code status} null keeps it. */
    void update(UUID id, String status, String column, Object value) {
        String set = column == null ? "" : column + " = ?, ";
        var params = new java.util.ArrayList<Object>();
        if (column != null) {
            params.add(value);
        }
        params.add(ChinaTime.nowOffset());
        String statusSet = "";
        if (status != null) {
            statusSet = ", status = ?";
            params.add(status);
        }
        params.add(id);
        jdbc.sql("update case_transfer set " + set + "updated_at = ?" + statusSet + " where id = ?").params(params)
                .update();
    }

    void recordHeadDecision(UUID id, String status, String decision, String opinion, String by, boolean closes) {
        OffsetDateTime now = ChinaTime.nowOffset();
        jdbc.sql("""
                update case_transfer set status = ?, head_decision = ?, head_opinion = ?, decided_by = ?, decided_at = ?,
                  closed_at = ?, updated_at = ? where id = ?""")
                .params(status, decision, cut(opinion, 4000), by, now, closes ? now : null, now, id).update();
    }

    void close(UUID id, String status) {
        OffsetDateTime now = ChinaTime.nowOffset();
        jdbc.sql("update case_transfer set status = ?, closed_at = ?, updated_at = ? where id = ?")
                .params(status, now, now, id).update();
    }

    void insertAnswer(UUID transferId, String type, String decision, LocalDate noticeOn, String reasons, String by) {
        jdbc.sql("""
                insert into transfer_police_answer (transfer_id, answer_type, decision, notice_on, reasons, recorded_by,
                  recorded_at) values (?,?,?,?,?,?,?)""")
                .params(transferId, type, decision, noticeOn, cut(reasons, 4000), by, ChinaTime.nowOffset()).update();
    }

    void insertHandover(UUID transferId, LocalDate on, String items, String receiver, String by) {
        jdbc.sql("""
                insert into transfer_handover (transfer_id, handed_over_on, items, receiver, recorded_by, recorded_at)
                values (?,?,?,?,?,?)""")
                .params(transferId, on, cut(items, 10000), cut(receiver, 200), by, ChinaTime.nowOffset()).update();
    }

    void updateClueRouting(UUID transferId, String body, String bodyName) {
        jdbc.sql("update discipline_clue set receiving_body = ?, receiving_body_name = ? where transfer_id = ?")
                .params(body, bodyName, transferId).update();
    }

    void updateClueFeedback(UUID transferId, LocalDate receivedOn, String feedback, LocalDate feedbackOn) {
        jdbc.sql("update discipline_clue set received_on = ?, feedback = ?, feedback_on = ? where transfer_id = ?")
                .params(receivedOn, cut(feedback, 4000), feedbackOn, transferId).update();
    }

    Optional<Transfer> findById(UUID id) {
        return jdbc.sql("select * from case_transfer where id = ?").param(id).query((rs, i) -> map(rs)).optional();
    }

    List<Transfer> findByCase(UUID caseId) {
        return jdbc.sql("select * from case_transfer where case_id = ? order by started_at").param(caseId)
                .query((rs, i) -> map(rs)).list();
    }

    boolean hasFineBlockingTransfer(UUID caseId) {
        return findByCase(caseId).stream().anyMatch(Transfer::blocksFines);
    }

    private Transfer map(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        TransferKind kind = TransferKind.valueOf(rs.getString("kind"));
        var answers = jdbc.sql("""
                select answer_type, decision, notice_on, reasons, recorded_by, recorded_at from transfer_police_answer
                where transfer_id = ? order by id""").param(id)
                .query((r, i) -> new Transfer.PoliceAnswer(r.getString(1), r.getString(2),
                        r.getObject(3, LocalDate.class), r.getString(4), r.getString(5),
                        r.getObject(6, OffsetDateTime.class)))
                .list();
        var handovers = jdbc.sql("""
                select handed_over_on, items, receiver, recorded_by, recorded_at from transfer_handover
                where transfer_id = ? order by id""").param(id)
                .query((r, i) -> new Transfer.Handover(r.getObject(1, LocalDate.class), r.getString(2), r.getString(3),
                        r.getString(4), r.getObject(5, OffsetDateTime.class)))
                .list();
        Transfer.Clue clue = kind != TransferKind.DISCIPLINE ? null
                : jdbc.sql("select * from discipline_clue where transfer_id = ?").param(id)
                        .query((r, i) -> new Transfer.Clue(r.getString("person_involved"),
                                r.getString("person_position"), r.getString("cadre_level"),
                                r.getBoolean("party_member"), r.getString("clue_facts"), r.getString("clue_materials"),
                                r.getObject("discovered_on", LocalDate.class), r.getString("receiving_body"),
                                r.getString("receiving_body_name"), r.getObject("received_on", LocalDate.class),
                                r.getString("feedback"), r.getObject("feedback_on", LocalDate.class)))
                        .optional().orElse(null);
        return new Transfer(id, rs.getObject("case_id", UUID.class), rs.getString("agency_id"), kind,
                rs.getString("status"), rs.getString("process_instance_id"), rs.getString("started_by"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getString("started_from"), rs.getString("reason"),
                rs.getString("suspected_crime"), rs.getString("team"), rs.getString("lead_officer"),
                rs.getString("head_decision"), rs.getString("head_opinion"), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class),
                rs.getObject("police_received_on", LocalDate.class), rs.getObject("closed_at", OffsetDateTime.class),
                answers, handovers, clue);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
