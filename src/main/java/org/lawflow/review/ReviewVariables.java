package org.lawflow.review;

import java.math.BigDecimal;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.lawflow.casefile.CaseFlows;

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
    static final String HEARING_OUTCOME = "hearingOutcome";
    static final String PROPOSED_FINE = "proposedFineAmount";
    static final String NOTICE_DELIVERED_ON = "noticeDeliveredOn";
    static final String LEGAL_REVIEW_REQUIRED = "legalReviewRequired";
    static final String REVIEW_OPINION = "reviewOpinion";
    static final String HEAD_DECISION = "headDecision";
    static final String DECIDED_ON = "decidedOn";
    static final String DECIDED_FINE = "decidedFineAmount";
    /** The officer's optional note to the published 执法结论 (确认公示内容). */
    static final String PUBLICATION_NOTE = "publicationText";

    static UUID caseId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(CaseFlows.VAR_CASE_ID));
    }

    static boolean isTrue(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : String.valueOf(value).strip();
    }

    /** A number as the forms and the engine REST send it (Long, Double or text); null when missing or blank. */
    static BigDecimal decimal(VariableScope scope, String name) {
        String value = string(scope, name);
        return value == null || value.isEmpty() ? null : new BigDecimal(value);
    }

    private ReviewVariables() {
    }
}
