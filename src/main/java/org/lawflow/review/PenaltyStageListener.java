package org.lawflow.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.casefile.PenaltyHistory;
import org.lawflow.casefile.PenaltyRevision;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.Cases;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.casefile.PenaltyKind;
import org.lawflow.system.CodeLabels;
import org.lawflow.system.InputChecks;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The steps that set the penalty write it to the case's {@link PenaltyHistory}, and say in Chinese what they
 * decided, at what amount and why, for the full-process record (行政处罚法第四十七条; the record reads the task-local
 * {@link #RECORD_DETAIL}). Attached by {@link PenaltyStagePlugin} as a built-in listener, so it runs before the
 * task's guards: a guard that refuses the completion rolls back what was written here in the same transaction.
 */
@Component
class PenaltyStageListener {

    // the steps, by the form each shows (the variables read here are the ones these forms declare)
    static final String STATEMENT = "record-statement";
    static final String LEGAL_REVIEW = "review-legality";
    static final String COLLECTIVE_DISCUSSION = "collective-discussion";
    static final String HEAD_DECISION = "head-decision";
    static final String HEARING_PROCESS = "hearing-notice";
    static final String HEARING_REPORT = "write-hearing-report";

    /** Read by the full-process record (casefile) instead of a raw opinion code. */
    static final String RECORD_DETAIL = "recordDetail";
    static final String REVISED_FINE = "revisedFineAmount";
    static final String REVIEWED_FINE = "reviewedFineAmount";
    static final String HEARING_RECOMMENDED_FINE = "hearingRecommendedFineAmount";
    /** The current proposal shown in the forms of legal review, collective discussion and the head's decision. */
    static final String CURRENT_PENALTY = "currentPenalty";
    /** Who gave the legal review opinion, for the 法制审核意见书. */
    static final String LEGAL_REVIEWER = "legalReviewer";

    private final Cases cases;
    private final PenaltyHistory history;

    PenaltyStageListener(Cases cases, PenaltyHistory history) {
        this.cases = cases;
        this.history = history;
    }

    /** This listener for the step that shows {@code form}. */
    TaskListener forForm(String form) {
        return task -> notify(task, form);
    }

    private void notify(DelegateTask task, String form) {
        if (task.getVariable(CaseFlows.VAR_CASE_ID) == null) {
            return;
        }
        EnforcementCase c = cases.findById(ReviewVariables.caseId(task)).orElseThrow();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(CURRENT_PENALTY, history.currentProposalText(c));
            if (HEAD_DECISION.equals(form)) {
                offerCurrentFine(task, c);
            }
            return;
        }
        switch (form) {
            case STATEMENT -> recheck(task, c);
            case HEARING_REPORT -> hearingRecommendation(task, c);
            case LEGAL_REVIEW -> legalReview(task, c);
            case COLLECTIVE_DISCUSSION -> collectiveDiscussion(task, c);
            case HEAD_DECISION -> headDecision(task, c);
            default -> {
            }
        }
    }

    /**
     * The head's form offers the current proposal's fine as the amount. A process variable, not a task-local one: a
     * completion sets its variables on the process, so a cleared field (null, blank) replaces the offer and is refused.
     * It is no decision: only the completed task records one ({@link #headDecision}).
     */
    private void offerCurrentFine(DelegateTask task, EnforcementCase c) {
        BigDecimal fine = history.currentProposalFine(c);
        task.setVariable(ReviewVariables.DECIDED_FINE, fine == null ? null : fine.doubleValue());
    }

    private void recheck(DelegateTask task, EnforcementCase c) {
        BigDecimal revised = InputChecks.amount(REVISED_FINE, task.getVariable(REVISED_FINE));
        String opinion = ReviewVariables.string(task, "opinion");
        if (revised != null) {
            history.record(c, PenaltyRevision.Stage.RECHECK, revised, actor(task), opinion);
        }
        List<String> parts = new ArrayList<>();
        parts.add(ReviewVariables.isTrue(task, "partyStated") ? "当事人提出陈述、申辩"
                : ReviewVariables.isTrue(task, "statementWaived") ? "当事人明确放弃陈述、申辩" : "当事人未提出陈述、申辩");
        add(parts, "复核意见", CodeLabels.of(ReviewVariables.string(task, "recheckResult")));
        add(parts, "复核后处罚", revised == null ? null : PenaltyHistory.describe(c, revised));
        add(parts, "说明", opinion);
        task.setVariableLocal(RECORD_DETAIL, String.join("；", parts));
    }

    private void hearingRecommendation(DelegateTask task, EnforcementCase c) {
        BigDecimal recommended = InputChecks.amount(HEARING_RECOMMENDED_FINE, task.getVariable(HEARING_RECOMMENDED_FINE));
        String opinion = ReviewVariables.string(task, "hearingOpinion");
        if (recommended != null) {
            if (recommended.compareTo(c.fineAmount()) > 0) {
                throw new InvalidInputException(HEARING_RECOMMENDED_FINE, "听证报告建议的罚款金额不得高于拟罚款金额");
            }
            history.record(c, PenaltyRevision.Stage.HEARING_RECOMMENDATION, recommended, actor(task), opinion);
        }
        List<String> parts = new ArrayList<>();
        add(parts, "建议处罚", recommended == null ? "维持拟处罚决定（" + history.currentProposalText(c) + "）"
                : PenaltyHistory.describe(c, recommended));
        add(parts, "听证主持人意见", opinion);
        task.setVariableLocal(RECORD_DETAIL, String.join("；", parts));
    }

    private void legalReview(DelegateTask task, EnforcementCase c) {
        BigDecimal reviewed = InputChecks.amount(REVIEWED_FINE, task.getVariable(REVIEWED_FINE));
        String reasons = ReviewVariables.string(task, "reviewReasons");
        if (reviewed != null) {
            if (reviewed.compareTo(c.fineAmount()) > 0) {
                throw new InvalidInputException(REVIEWED_FINE, "审核建议的罚款金额不得高于拟罚款金额");
            }
            history.record(c, PenaltyRevision.Stage.LEGAL_REVIEW, reviewed, actor(task), reasons);
        }
        task.setVariable(LEGAL_REVIEWER, actor(task));
        List<String> parts = new ArrayList<>();
        add(parts, "审核意见", CodeLabels.of(ReviewVariables.string(task, ReviewVariables.REVIEW_OPINION)));
        if (ReviewVariables.isTrue(task, "suspectedCrime")) {
            parts.add("认为涉嫌犯罪，应当移送司法机关");
        }
        add(parts, "审核的拟处罚", reviewed == null ? history.currentProposalText(c) : null);
        add(parts, "审核建议处罚", reviewed == null ? null : PenaltyHistory.describe(c, reviewed));
        add(parts, "理由", reasons);
        task.setVariableLocal(RECORD_DETAIL, String.join("；", parts));
    }

    private void collectiveDiscussion(DelegateTask task, EnforcementCase c) {
        List<String> parts = new ArrayList<>();
        add(parts, "讨论结论", CodeLabels.of(ReviewVariables.string(task, "discussionConclusion")));
        add(parts, "讨论的拟处罚", history.currentProposalText(c));
        add(parts, "讨论情况", ReviewVariables.string(task, CollectiveDiscussionGuard.RECORD));
        // the attendees and each one's view follow from CollectiveDiscussionGuard, which checks them
        task.setVariableLocal(RECORD_DETAIL, String.join("；", parts));
    }

    private void headDecision(DelegateTask task, EnforcementCase c) {
        String decision = ReviewVariables.string(task, ReviewVariables.HEAD_DECISION);
        String reasons = ReviewVariables.string(task, "decisionOpinion");
        String decided = null;
        if ("PENALTY".equals(decision)) {
            BigDecimal fine = InputChecks.amount(ReviewVariables.DECIDED_FINE, task.getVariable(ReviewVariables.DECIDED_FINE));
            // a fine without an amount is refused by HeadDecisionGuard, which runs next: nothing is filled in here
            if (fine != null || !c.proposes(PenaltyKind.FINE)) {
                decided = history.record(c, PenaltyRevision.Stage.HEAD_DECISION, fine, actor(task), reasons).text();
            }
        } else if ("NO_PENALTY".equals(decision)) {
            decided = history.recordNoPenalty(c, actor(task), reasons).text();
        }
        List<String> parts = new ArrayList<>();
        add(parts, "决定", CodeLabels.of(decision));
        add(parts, "决定处罚", "PENALTY".equals(decision) ? decided : null);
        add(parts, "理由", reasons);
        task.setVariableLocal(RECORD_DETAIL, String.join("；", parts));
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "：" + value.strip());
        }
    }

    /** Who completes the task: the authenticated user, else its assignee, else the system. */
    static String actor(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() == null ? "system" : task.getAssignee();
    }
}
