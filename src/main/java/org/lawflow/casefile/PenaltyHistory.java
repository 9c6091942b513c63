package org.lawflow.casefile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lawflow.system.ChinaTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The penalty history of a case (table {@code penalty_revision}): the proposal and each revision of the current
 * procedure. The decided penalty is the head's decision ({@link PenaltyRevision.Stage#HEAD_DECISION}); the current
 * proposal is the newest entry. Every document, package, mail and public entry states the decided penalty; nothing
 * falls back to an older amount when a later one is missing (行政处罚法第四十五、五十九条).
 */
@Service
public class PenaltyHistory {

    private final PenaltyRevisions revisions;

    PenaltyHistory(PenaltyRevisions revisions) {
        this.revisions = revisions;
    }

    /** The entries of the case's current procedure (from its latest proposal on), oldest first. */
    public List<PenaltyRevision> of(UUID caseId) {
        List<PenaltyRevision> all = revisions.ofCase(caseId);
        int start = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).stage() == PenaltyRevision.Stage.PROPOSED) {
                start = i;
            }
        }
        return List.copyOf(all.subList(start, all.size()));
    }

    /** The head's decision of the current procedure, if made. */
    public Optional<PenaltyRevision> decided(UUID caseId) {
        return newest(caseId, PenaltyRevision.Stage.HEAD_DECISION, PenaltyRevision.Stage.HEAD_DECISION);
    }

    /** The newest entry of a stage up to {@code upTo} (inclusive), e.g. the proposal the legal review saw. */
    public Optional<PenaltyRevision> newest(UUID caseId, PenaltyRevision.Stage from, PenaltyRevision.Stage upTo) {
        PenaltyRevision found = null;
        for (PenaltyRevision r : of(caseId)) {
            if (r.stage().compareTo(from) >= 0 && r.stage().compareTo(upTo) <= 0) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The current proposal before the head decides: the newest revision, else the case file's proposal. */
    public String currentProposalText(EnforcementCase c) {
        return newest(c.id(), PenaltyRevision.Stage.PROPOSED, PenaltyRevision.Stage.LEGAL_REVIEW)
                .map(PenaltyRevision::text).orElseGet(c::penaltySummary);
    }

    /** The fine of the current proposal; null when the case proposes none. */
    public BigDecimal currentProposalFine(EnforcementCase c) {
        if (!c.proposes(PenaltyKind.FINE)) {
            return null;
        }
        return newest(c.id(), PenaltyRevision.Stage.PROPOSED, PenaltyRevision.Stage.LEGAL_REVIEW)
                .map(PenaltyRevision::amount).orElseGet(c::fineAmount);
    }

    /** Appends an entry; {@code fine} is the fine at this stage (ignored when the case proposes no fine). */
    @Transactional
    public PenaltyRevision record(EnforcementCase c, PenaltyRevision.Stage stage, BigDecimal fine, String actor,
            String reason) {
        boolean withFine = c.proposes(PenaltyKind.FINE);
        var revision = new PenaltyRevision(stage, withFine ? PenaltyRevision.FINE : PenaltyRevision.PENALTY,
                withFine ? fine : null, describe(c, fine), actor == null ? "system" : actor, ChinaTime.nowOffset(),
                reason);
        revisions.insert(c.id(), revision);
        return revision;
    }

    /** The head decided to impose no penalty (第五十七条第一款第二、三项). */
    @Transactional
    public PenaltyRevision recordNoPenalty(EnforcementCase c, String actor, String reason) {
        var revision = new PenaltyRevision(PenaltyRevision.Stage.HEAD_DECISION, PenaltyRevision.NO_PENALTY, null,
                "不予行政处罚", actor == null ? "system" : actor, ChinaTime.nowOffset(), reason);
        revisions.insert(c.id(), revision);
        return revision;
    }

    /** The case's penalties as one text, its fine at {@code fine} (罚款20000元；暂扣许可证件). */
    public static String describe(EnforcementCase c, BigDecimal fine) {
        if (fine == null || !c.proposes(PenaltyKind.FINE)) {
            return c.penaltySummary();
        }
        List<String> parts = new ArrayList<>();
        for (var p : c.penalties()) {
            parts.add(p.kind() == PenaltyKind.FINE
                    ? new EnforcementCase.Penalty(PenaltyKind.FINE, fine, p.detail()).describe()
                    : p.describe());
        }
        return String.join("；", parts);
    }
}
