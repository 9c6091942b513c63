package org.lawflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Which cases the law brings into legal review (行政处罚法第五十八条, 国办发〔2018〕118号), evaluated on the rule
 * table itself, and the 较大数额 thresholds that fail closed.
 */
class ReviewScopeRulesTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static boolean legalReviewRequired(Map<String, Object> changed) throws Exception {
        return legalReviewRequiredWithout(null, changed);
    }

    /** As {@link #legalReviewRequired}, with the input {@code absent} not set at all (null: every input set). */
    private static boolean legalReviewRequiredWithout(String absent, Map<String, Object> changed) throws Exception {
        Map<String, Object> facts = new HashMap<>(Map.of("majorPublicInterest", false, "hearingOutcome", "NONE",
                "complexCase", false, "heavyPenalty", false, "largeAmount", false, "socialImpact", false,
                "thirdPartyMajorInterest", false));
        facts.remove(absent);
        facts.putAll(changed);
        try (var in = new FileInputStream("bpmn/decisions/major-decision-rules.dmn")) {
            DmnDecision decision = DMN.parseDecision("legal-review-required", in);
            return Boolean.TRUE.equals(DMN.evaluateDecisionTable(decision, facts).getSingleEntry());
        }
    }

    @Test
    void aCaseThatMayCauseMajorSocialImpactIsReviewed() throws Exception {
        assertThat(legalReviewRequired(Map.of())).as("none of the grounds").isFalse();
        assertThat(legalReviewRequired(Map.of("socialImpact", true))).as("可能造成重大社会影响").isTrue();
        assertThat(legalReviewRequired(Map.of("majorPublicInterest", true))).isTrue();
        assertThat(legalReviewRequired(Map.of("hearingOutcome", "HELD"))).isTrue();
        assertThat(legalReviewRequired(Map.of("complexCase", true))).isTrue();
        assertThat(legalReviewRequired(Map.of("largeAmount", true))).isTrue();
    }

    @Test
    void aCaseThatDirectlyConcernsAThirdPartysMajorRightsIsReviewed() throws Exception {
        assertThat(legalReviewRequired(Map.of("thirdPartyMajorInterest", true))).as("直接关系第三人重大权益").isTrue();
        assertThat(legalReviewRequired(Map.of("thirdPartyMajorInterest", false))).isFalse();
        assertThat(legalReviewRequired(Map.of("thirdPartyMajorInterest", true, "hearingOutcome", "HELD"))).isTrue();
    }

    /**
     * An instance started before the question existed has no such input: it reads as "no", and that never drops a
     * review the statute requires, because 第五十八条第一款第二项 needs a hearing as well and a held hearing is a
     * ground by itself.
     */
    @Test
    void withoutTheThirdPartyAnswerAHeldHearingStillBringsTheCaseIntoReview() throws Exception {
        assertThat(legalReviewRequiredWithout("thirdPartyMajorInterest", Map.of())).isFalse();
        assertThat(legalReviewRequiredWithout("thirdPartyMajorInterest", Map.of("hearingOutcome", "HELD"))).isTrue();
        assertThat(legalReviewRequiredWithout("thirdPartyMajorInterest", Map.of("complexCase", true))).isTrue();
    }

    @Test
    void thresholdsWithoutTheProvincesFiguresRefuseToStart() {
        assertThatThrownBy(() -> new PenaltyThresholds(null, null, null)).hasMessageContaining("不予启动")
                .hasMessageContaining("large-amount-citizen").hasMessageContaining("large-amount-organization")
                .hasMessageContaining("basis");
        assertThatThrownBy(() -> new PenaltyThresholds(new BigDecimal("5000"), new BigDecimal("50000"), " "))
                .hasMessageContaining("出处");
        var province = new PenaltyThresholds(new BigDecimal("5000"), new BigDecimal("50000"), "省规定");
        assertThat(province.isLarge(new BigDecimal("5000"), true)).as("a lower provincial figure counts").isTrue();
        assertThat(province.isLarge(new BigDecimal("49999"), false)).isFalse();
    }
}
