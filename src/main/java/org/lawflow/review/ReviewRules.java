package org.lawflow.review;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.lawflow.casefile.Cases;
import org.lawflow.casefile.EnforcementCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The review's routing flags, from the case tables and the rule tables ({@code bpmn/decisions/major-decision-rules.dmn}),
 * never from a client. {@link ReviewPreparationDelegate} sets the case facts at the start; the listeners below
 * recompute the facts and the flag a gateway (or a document) reads just before it does, so a variable set on the
 * way — through a task completion, whatever its channel — cannot skip the hearing, the legal review, the collective
 * discussion or the filing (issue #27). One case load and one decision per routing point.
 */
@Configuration
class ReviewRules {

    static final String HEARING_RIGHTS = "hearingRights";
    static final String COLLECTIVE_DISCUSSION_REQUIRED = "collectiveDiscussionRequired";
    private static final Map<String, String> DECISIONS = Map.of(
            HEARING_RIGHTS, "hearing-rights",
            ReviewVariables.LEGAL_REVIEW_REQUIRED, "legal-review-required",
            COLLECTIVE_DISCUSSION_REQUIRED, "collective-discussion-required");

    private final Cases cases;
    private final PenaltyThresholds thresholds;
    private final DecisionService decisions;

    ReviewRules(Cases cases, PenaltyThresholds thresholds, DecisionService decisions) {
        this.cases = cases;
        this.thresholds = thresholds;
        this.decisions = decisions;
    }

    /** The inputs of the rule tables as the case file states them. */
    Map<String, Object> facts(EnforcementCase c) {
        boolean citizen = c.party().type() == EnforcementCase.PartyType.CITIZEN;
        Map<String, Object> facts = new HashMap<>();
        facts.put(ReviewVariables.LARGE_AMOUNT,
                thresholds.isLarge(c.fineAmount(), citizen) || thresholds.isLarge(c.confiscationAmount(), citizen));
        facts.put(ReviewVariables.HEAVY_PENALTY, c.hasHeavyPenalty());
        facts.put(ReviewVariables.MAJOR_PUBLIC_INTEREST, c.majorPublicInterest());
        facts.put(ReviewVariables.COMPLEX_CASE, c.complexCase());
        facts.put(ReviewVariables.SOCIAL_IMPACT, c.socialImpact());
        facts.put(ReviewVariables.THIRD_PARTY_MAJOR_INTEREST, c.thirdPartyMajorInterest());
        return facts;
    }

    /** Sets the case facts and {@code flag} as its rule table decides them now. */
    void refresh(DelegateExecution execution, String flag) {
        EnforcementCase c = cases.findById(ReviewVariables.caseId(execution)).orElseThrow();
        Map<String, Object> inputs = facts(c);
        execution.setVariables(inputs);
        // set by the review's start and by the hearing it calls; legal review is required after a hearing held
        String hearingOutcome = ReviewVariables.string(execution, ReviewVariables.HEARING_OUTCOME);
        inputs.put(ReviewVariables.HEARING_OUTCOME, hearingOutcome == null ? "NONE" : hearingOutcome);
        Object value = decisions.evaluateDecisionByKey(DECISIONS.get(flag)).variables(inputs).evaluate()
                .getSingleEntry();
        execution.setVariable(flag, Boolean.TRUE.equals(value));
    }

    @Bean
    ExecutionListener hearingRightsRouting() {
        return execution -> refresh(execution, HEARING_RIGHTS);
    }

    @Bean
    ExecutionListener legalReviewRouting() {
        return execution -> refresh(execution, ReviewVariables.LEGAL_REVIEW_REQUIRED);
    }

    @Bean
    ExecutionListener collectiveDiscussionRouting() {
        return execution -> refresh(execution, COLLECTIVE_DISCUSSION_REQUIRED);
    }
}
