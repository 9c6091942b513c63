package org.lawflow.hearing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.lawflow.casefile.PenaltyKind;

/**
 * The hearing-rights rule table (行政处罚法第六十三条第一款) and {@link PenaltyKind#heavy()} agree: every kind the law or
 * the default agency list makes heavy gives hearing rights whatever the amount, the light kinds only at a 较大数额,
 * and facts the review could not establish give hearing rights (the party's safe side).
 */
class HearingRightsRulesTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    /** What Art. 63(1) gives without a large amount, kind by kind (暂扣许可证件 as 其他较重的行政处罚, #29). */
    static final Set<PenaltyKind> HEARING_WHATEVER_THE_AMOUNT = Set.of(PenaltyKind.SUSPEND_LICENSE,
            PenaltyKind.LOWER_QUALIFICATION, PenaltyKind.REVOKE_LICENSE, PenaltyKind.RESTRICT_BUSINESS,
            PenaltyKind.SUSPEND_BUSINESS, PenaltyKind.ORDER_CLOSURE, PenaltyKind.RESTRICT_PRACTICE);

    static Object hearingRights(Object largeAmount, Object heavyPenalty) throws Exception {
        Map<String, Object> facts = new HashMap<>();
        facts.put("largeAmount", largeAmount);
        facts.put("heavyPenalty", heavyPenalty);
        try (var in = new FileInputStream("bpmn/decisions/major-decision-rules.dmn")) {
            return DMN.evaluateDecisionTable(DMN.parseDecision("hearing-rights", in), facts).getSingleEntry();
        }
    }

    @Test
    void eachPenaltyKindGivesHearingRightsAsArticle63Says() throws Exception {
        for (PenaltyKind kind : PenaltyKind.values()) {
            boolean expected = HEARING_WHATEVER_THE_AMOUNT.contains(kind);
            assertThat(kind.heavy()).as(kind + " heavy").isEqualTo(expected);
            assertThat(hearingRights(false, kind.heavy())).as(kind + " without a large amount").isEqualTo(expected);
            assertThat(hearingRights(true, kind.heavy())).as(kind + " with a large amount").isEqualTo(true);
        }
    }

    @Test
    void aSuspendedLicenceGivesHearingRights() throws Exception {
        assertThat(PenaltyKind.SUSPEND_LICENSE.heavy()).isTrue();
        assertThat(PenaltyKind.SUSPEND_LICENSE.namedByLaw()).as("其他较重的行政处罚, not named").isFalse();
        assertThat(hearingRights(false, PenaltyKind.SUSPEND_LICENSE.heavy())).isEqualTo(true);
    }

    @Test
    void factsThatCouldNotBeEstablishedGiveHearingRights() throws Exception {
        assertThat(hearingRights(null, false)).isEqualTo(true);
        assertThat(hearingRights(false, null)).isEqualTo(true);
        assertThat(hearingRights(false, false)).isEqualTo(false);
    }

    @Test
    void theTableSaysWhatItCovers() throws Exception {
        String dmn = Files.readString(Path.of("bpmn/decisions/major-decision-rules.dmn"));
        assertThat(dmn).contains("暂扣许可证件", "其他较重的行政处罚", "lawflow.hearing.heavy-penalty-kinds");
    }
}
