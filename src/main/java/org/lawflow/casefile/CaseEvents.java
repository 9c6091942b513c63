package org.lawflow.casefile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.lawflow.identity.LawFlowUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The full-process record (行政处罚法第四十七条): every step's actor, time and opinion, append-only and
 * hash-chained per case so that a modified or deleted entry is detected ({@link #verify(UUID)}).
 * Flows write to it through their delegates and listeners; {@code GET /api/cases/{id}} shows it.
 */
@Component
public class CaseEvents {

    static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    public record CaseEvent(OffsetDateTime at, String actor, String step, String action, String detail) {
    }

    /** The result of checking a case's chain: intact, or the first entry (1-based) that does not verify. */
    public record Verification(UUID caseId, long entries, boolean intact, Long firstBrokenEntry, String problem) {
    }

    private final JdbcClient jdbc;
    private final CaseRepository cases;

    CaseEvents(JdbcClient jdbc, CaseRepository cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    @Transactional
    public void record(UUID caseId, String actor, String step, String action, String detail) {
        record(caseId, actor, step, action, detail, false);
    }

    /**
     * Records an entry; a {@code restricted} one (a discipline clue's step) is shown only to the agency head and the
     * supervisor ({@link LawFlowUser#maySeeClues()}).
     */
    @Transactional
    public void record(UUID caseId, String actor, String step, String action, String detail, boolean restricted) {
        // Serialises writers of one case so the chain stays linear (the row lock lasts until commit).
        cases.lock(caseId);
        var head = jdbc.sql("select entries, last_hash from case_record_head where case_id = ?").param(caseId)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
        long entries = head.map(h -> (Long) h[0]).orElse(0L);
        String prev = head.map(h -> (String) h[1]).orElse(GENESIS);
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        String who = actor == null ? "system" : actor;
        String text = detail == null ? null : detail.length() > 4000 ? detail.substring(0, 4000) : detail;
        String hash = hash(prev, caseId, at, who, step, action, text);
        jdbc.sql("insert into case_event (case_id, at, actor, step, action, detail, restricted, prev_hash, hash) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(caseId, at, who, step, action, text, restricted, prev, hash).update();
        if (head.isPresent()) {
            jdbc.sql("update case_record_head set entries = ?, last_hash = ? where case_id = ?")
                    .params(entries + 1, hash, caseId).update();
        } else {
            jdbc.sql("insert into case_record_head (case_id, entries, last_hash) values (?, ?, ?)")
                    .params(caseId, 1L, hash).update();
        }
    }

    /** The case's record as the user may read it: discipline clue entries only for the head and the supervisor. */
    public List<CaseEvent> of(UUID caseId, LawFlowUser user) {
        return jdbc.sql("select at, actor, step, action, detail from case_event where case_id = ? "
                + "and (restricted = false or ?) order by id")
                .params(caseId, user.maySeeClues())
                .query((rs, i) -> new CaseEvent(rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("step"), rs.getString("action"), rs.getString("detail")))
                .list();
    }

    /** Recomputes the case's chain from the first entry and compares it with the anchored head. */
    public Verification verify(UUID caseId) {
        record Row(OffsetDateTime at, String actor, String step, String action, String detail, String prevHash,
                String hash) {
        }
        List<Row> rows = jdbc.sql("select at, actor, step, action, detail, prev_hash, hash from case_event "
                + "where case_id = ? order by id").param(caseId)
                .query((rs, i) -> new Row(rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("step"), rs.getString("action"), rs.getString("detail"),
                        rs.getString("prev_hash"), rs.getString("hash")))
                .list();
        String prev = GENESIS;
        long n = 0;
        for (Row r : rows) {
            n++;
            if (!r.prevHash().equals(prev)) {
                return new Verification(caseId, rows.size(), false, n, "前一条记录缺失或被改动（链接断开）");
            }
            String expected = hash(prev, caseId, r.at(), r.actor(), r.step(), r.action(), r.detail());
            if (!expected.equals(r.hash())) {
                return new Verification(caseId, rows.size(), false, n, "记录内容与校验值不符（被改动）");
            }
            prev = r.hash();
        }
        var head = jdbc.sql("select entries, last_hash from case_record_head where case_id = ?").param(caseId)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
        long anchored = head.map(h -> (Long) h[0]).orElse(0L);
        String anchoredHash = head.map(h -> (String) h[1]).orElse(GENESIS);
        if (anchored != rows.size() || !anchoredHash.equals(prev)) {
            return new Verification(caseId, rows.size(), false, Math.min(anchored, rows.size()) + 1,
                    "记录条数与锚定值不符（末尾记录被删除或伪造），应为" + anchored + "条");
        }
        return new Verification(caseId, rows.size(), true, null, null);
    }

    static String hash(String prev, UUID caseId, OffsetDateTime at, String actor, String step, String action,
            String detail) {
        String canonical = String.join("\u001f", prev, caseId.toString(),
                INSTANT.format(at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)), actor,
                step, action, detail == null ? "\u0000" : detail);
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
