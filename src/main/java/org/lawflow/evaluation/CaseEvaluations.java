package org.lawflow.evaluation;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.lawflow.system.ChinaTime;
import org.lawflow.system.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The evaluations, their samples and bulletins (tables of V40__case_evaluation.sql). */
@Repository
class CaseEvaluations {

    static final String RUNNING = "RUNNING";
    static final String CLOSED = "CLOSED";

    record Evaluation(UUID id, String agencyId, int year, int sampleSize, Integer population, Long seed, String status,
            String processInstanceId, String startedBy, OffsetDateTime startedAt, String approvedBy,
            String approvalOpinion, OffsetDateTime closedAt) {
    }

    record Sample(UUID caseId, String caseNo, int position, String grade, String findings, String evaluatedBy,
            String rectification, String rectifiedBy, String rectificationStatus, String confirmOpinion,
            String confirmedBy, List<String> officers) {
    }

    record Candidate(UUID id, String caseNo) {
    }

    private final JdbcTemplate jdbc;

    CaseEvaluations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new running evaluation; a second running one of the agency's year is a conflict (unique open_key). */
    void create(UUID id, String agency, int year, int sampleSize, String processInstanceId, String user) {
        try {
            jdbc.update("insert into case_evaluation (id, agency_id, eval_year, sample_size, status, open_key, "
                    + "process_instance_id, started_by, started_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, agency,
                    year, sampleSize, RUNNING, agency + ":" + year, processInstanceId, user, ChinaTime.nowOffset());
        } catch (DuplicateKeyException e) {
            throw alreadyRunning(year);
        }
    }

    boolean running(String agency, int year) {
        Long n = jdbc.queryForObject("select count(*) from case_evaluation where open_key = ?", Long.class,
                agency + ":" + year);
        return n != null && n > 0;
    }

    static ConflictException alreadyRunning(int year) {
        return new ConflictException("本机构" + year + "年度的案卷评查正在进行，不能重复发起");
    }

    /**
     * The agency's cases decided in the year (China time): the newest 负责人决定 (处罚或不予处罚) dated in the year; and
     * cases closed without one (不予立案, 结案) whose last record entry is in the year. Ordered by case number, the
     * order the seeded draw shuffles.
     */
    List<Candidate> decidedIn(String agency, int year) {
        var zone = ChinaTime.ZONE;
        Timestamp from = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant());
        return jdbc.query("select c.id, c.case_no from enforcement_case c where c.agency_id = ? and ("
                + "(select max(r.at) from penalty_revision r where r.case_id = c.id and r.stage = 'HEAD_DECISION') "
                + "between ? and ? "
                + "or (c.status in ('NOT_FILED', 'CLOSED') and not exists (select 1 from penalty_revision r "
                + "where r.case_id = c.id and r.stage = 'HEAD_DECISION') "
                + "and (select max(e.at) from case_event e where e.case_id = c.id) between ? and ?)) "
                + "order by c.case_no",
                (rs, i) -> new Candidate(rs.getObject(1, UUID.class), rs.getString(2)), agency, from,
                new Timestamp(to.getTime() - 1), from, new Timestamp(to.getTime() - 1));
    }

    void recordDraw(UUID id, int population, long seed, List<Candidate> drawn) {
        jdbc.update("update case_evaluation set population = ?, seed = ? where id = ?", population, seed, id);
        for (int i = 0; i < drawn.size(); i++) {
            jdbc.update("insert into case_evaluation_sample (evaluation_id, case_id, position) values (?, ?, ?)", id,
                    drawn.get(i).id(), i + 1);
        }
    }

    void recordGrade(UUID id, UUID caseId, String grade, String findings, String user) {
        jdbc.update("update case_evaluation_sample set grade = ?, findings = ?, evaluated_by = ?, evaluated_at = ?, "
                + "rectification_status = ? where evaluation_id = ? and case_id = ?", grade, findings, user,
                ChinaTime.nowOffset(), EvaluationChecklist.GRADE_FAIL.equals(grade) ? "PENDING" : null, id, caseId);
    }

    void recordRectification(UUID id, UUID caseId, String measures, String user) {
        jdbc.update("update case_evaluation_sample set rectification = ?, rectified_by = ?, rectified_at = ?, "
                + "rectification_status = 'SUBMITTED' where evaluation_id = ? and case_id = ?", measures, user,
                ChinaTime.nowOffset(), id, caseId);
    }

    void recordConfirmation(UUID id, UUID caseId, boolean accepted, String opinion, String user) {
        jdbc.update("update case_evaluation_sample set rectification_status = ?, confirm_opinion = ?, "
                + "confirmed_by = ?, confirmed_at = ? where evaluation_id = ? and case_id = ?",
                accepted ? "ACCEPTED" : "RETURNED", opinion, user, ChinaTime.nowOffset(), id, caseId);
    }

    void recordApproval(UUID id, String user, String opinion) {
        jdbc.update("update case_evaluation set approved_by = ?, approval_opinion = ? where id = ?", user, opinion, id);
    }

    void close(UUID id) {
        jdbc.update("update case_evaluation set status = ?, open_key = null, closed_at = ? where id = ?", CLOSED,
                ChinaTime.nowOffset(), id);
    }

    Optional<Evaluation> find(UUID id) {
        return jdbc.query("select * from case_evaluation where id = ?", (rs, i) -> new Evaluation(
                rs.getObject("id", UUID.class), rs.getString("agency_id"), rs.getInt("eval_year"),
                rs.getInt("sample_size"), (Integer) rs.getObject("population"),
                rs.getObject("seed") == null ? null : rs.getLong("seed"), rs.getString("status"),
                rs.getString("process_instance_id"), rs.getString("started_by"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getString("approved_by"),
                rs.getString("approval_opinion"), rs.getObject("closed_at", OffsetDateTime.class)), id)
                .stream().findFirst();
    }

    List<Sample> samples(UUID id) {
        return jdbc.query("select s.*, c.case_no from case_evaluation_sample s join enforcement_case c "
                + "on c.id = s.case_id where s.evaluation_id = ? order by s.position", (rs, i) -> {
                    UUID caseId = rs.getObject("case_id", UUID.class);
                    return new Sample(caseId, rs.getString("case_no"), rs.getInt("position"), rs.getString("grade"),
                            rs.getString("findings"), rs.getString("evaluated_by"), rs.getString("rectification"),
                            rs.getString("rectified_by"), rs.getString("rectification_status"),
                            rs.getString("confirm_opinion"), rs.getString("confirmed_by"), officers(caseId));
                }, id);
    }

    Optional<Sample> sample(UUID id, UUID caseId) {
        return samples(id).stream().filter(s -> s.caseId().equals(caseId)).findFirst();
    }

    private List<String> officers(UUID caseId) {
        return jdbc.queryForList("select user_id from case_officer where case_id = ? order by user_id", String.class,
                caseId);
    }

    void saveBulletin(UUID id, String fileName, byte[] pdf, String sha256) {
        jdbc.update("delete from case_evaluation_bulletin where evaluation_id = ?", id);
        jdbc.update("insert into case_evaluation_bulletin (evaluation_id, file_name, content, sha256, created_at) "
                + "values (?, ?, ?, ?, ?)", id, fileName, pdf, sha256, ChinaTime.nowOffset());
    }

    Optional<Map<String, Object>> bulletin(UUID id) {
        return jdbc.queryForList("select file_name, content, sha256, created_at from case_evaluation_bulletin "
                + "where evaluation_id = ?", id).stream().findFirst();
    }
}
