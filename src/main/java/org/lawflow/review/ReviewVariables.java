package org.lawflow.review;

import java.math.BigDecimal;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.lawflow.system.ProcessVariables;

/** Names of the major-decision-review variables, in one place (process data accessor). */
final class ReviewVariables {

    static final String PROCESS_KEY = "major-decision-review";
    static final String LEAD_OFFICER = "leadOfficer";
    /** 立案日期: the 90-day decision limit (行政处罚法第六十条) and its reminders count from it. */
    static final String FILED_ON = "filedOn";
    static final String LARGE_AMOUNT = "largeAmount";
    static final String HEAVY_PENALTY = "heavyPenalty";
    static final String MAJOR_PUBLIC_INTEREST = "majorPublicInterest";
    static final String COMPLEX_CASE = "complexCase";
    static final String SOCIAL_IMPACT = "socialImpact";
    static final String THIRD_PARTY_MAJOR_INTEREST = "thirdPartyMajorInterest";
    static final String HEARING_OUTCOME = "hearingOutcome";
    static final String PROPOSED_FINE = "proposedFineAmount";
    static final String NOTICE_DELIVERED_ON = "noticeDeliveredOn";
    static final String LEGAL_REVIEW_REQUIRED = "legalReviewRequired";
    static final String REVIEW_OPINION = "reviewOpinion";
    static final String HEAD_DECISION = "headDecision";
    static final String DECIDED_ON = "decidedOn";
    static final String DECIDED_FINE = "decidedFineAmount";
    /** The decided penalty as text (罚款20000元), set when the decision is recorded, for the mails. */
    static final String DECIDED_PENALTY = "decidedPenalty";
    /** The officer's optional note to the published 执法结论 (确认公示内容). */
    static final String PUBLICATION_NOTE = "publicationText";

    // the readers are ProcessVariables'; these keep the review's call sites short
    static UUID caseId(VariableScope scope) {
        return ProcessVariables.caseId(scope);
    }

    static boolean isTrue(VariableScope scope, String name) {
        return ProcessVariables.isTrue(scope, name);
    }

    static String string(VariableScope scope, String name) {
        return ProcessVariables.string(scope, name);
    }

    static BigDecimal decimal(VariableScope scope, String name) {
        return ProcessVariables.decimal(scope, name);
    }

    private ReviewVariables() {
    }
}
