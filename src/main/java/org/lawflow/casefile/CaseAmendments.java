package org.lawflow.casefile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lawflow.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * 退回补充 (supplementary investigation): the officers amend the facts, the evidence list and the proposed fine. Each
 * change is written to the full-process record with what it was and what it became; a changed fine is a new proposal
 * in the penalty history. The answer says whether the party must be told again (行政处罚法第四十四条: the party is told
 * the facts, reasons and evidence the decision rests on, so new evidence or a new proposal is notified again).
 */
@Component
public class CaseAmendments {

    /** What changed; {@link #renotify()} when the party must be told again. */
    public record Amendment(boolean factsChanged, boolean evidenceChanged, boolean proposalChanged) {
        /** Facts are told too (第四十四条): any change is notified again, the reading that gives the party more. */
        public boolean renotify() {
            return evidenceChanged || proposalChanged || factsChanged;
        }
    }

    private final CaseRepository cases;
    private final CaseEvents events;
    private final PenaltyHistory penalties;

    CaseAmendments(CaseRepository cases, CaseEvents events, PenaltyHistory penalties) {
        this.cases = cases;
        this.events = events;
        this.penalties = penalties;
    }

    /**
     * Applies what the officer entered; a null or blank value keeps what the case holds (nothing is cleared by an
     * empty field). Needs a transaction (a task completion has one).
     */
    public Amendment amend(UUID caseId, String actor, String facts, List<EnforcementCase.Evidence> evidence,
            BigDecimal fine, String reason) {
        cases.lock(caseId);
        EnforcementCase c = cases.findById(caseId).orElseThrow(() -> new NotFoundException("案件不存在：" + caseId));
        String newFacts = facts == null || facts.isBlank() ? c.facts() : facts.strip();
        List<EnforcementCase.Evidence> newEvidence = evidence == null || evidence.isEmpty() ? c.evidence() : evidence;
        List<EnforcementCase.Penalty> newPenalties = withFine(c.penalties(), fine);
        var amendment = new Amendment(!newFacts.equals(c.facts()), !newEvidence.equals(c.evidence()),
                !newPenalties.equals(c.penalties()));
        if (!amendment.renotify()) {
            return amendment;
        }
        cases.amend(caseId, newFacts, newEvidence, newPenalties);
        String why = reason == null || reason.isBlank() ? "" : "；理由：" + reason.strip();
        if (amendment.factsChanged()) {
            events.record(caseId, actor, "补充调查", "变更违法事实", "原：" + c.facts() + "；现：" + newFacts + why);
        }
        if (amendment.evidenceChanged()) {
            events.record(caseId, actor, "补充调查", "变更证据清单",
                    "原：" + list(c.evidence()) + "；现：" + list(newEvidence) + why);
        }
        if (amendment.proposalChanged()) {
            EnforcementCase amended = cases.findById(caseId).orElseThrow();
            penalties.record(amended, PenaltyRevision.Stage.PROPOSED, amended.fineAmount(), actor,
                    "补充调查后变更拟处罚决定" + why);
            events.record(caseId, actor, "补充调查", "变更拟处罚决定",
                    "原：" + describe(c.penalties()) + "；现：" + describe(newPenalties) + why);
        }
        return amendment;
    }

    /** The penalties with the fine set to {@code fine} (added if the case proposed none); unchanged for null. */
    private static List<EnforcementCase.Penalty> withFine(List<EnforcementCase.Penalty> penalties, BigDecimal fine) {
        if (fine == null) {
            return penalties;
        }
        List<EnforcementCase.Penalty> result = new ArrayList<>();
        boolean found = false;
        for (var p : penalties) {
            if (p.kind() == PenaltyKind.FINE && !found) {
                found = true;
                result.add(Objects.equals(p.amount() == null ? null : p.amount().stripTrailingZeros(),
                        fine.stripTrailingZeros()) ? p : new EnforcementCase.Penalty(PenaltyKind.FINE, fine, p.detail()));
            } else {
                result.add(p);
            }
        }
        if (!found) {
            result.add(new EnforcementCase.Penalty(PenaltyKind.FINE, fine, null));
        }
        return result;
    }

    private static String list(List<EnforcementCase.Evidence> evidence) {
        return evidence.stream().map(e -> e.kind() + "：" + e.description()).collect(Collectors.joining("、"));
    }

    private static String describe(List<EnforcementCase.Penalty> penalties) {
        return penalties.stream().map(EnforcementCase.Penalty::describe).collect(Collectors.joining("、"));
    }
}
