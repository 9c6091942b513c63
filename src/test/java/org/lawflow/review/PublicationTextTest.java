package org.lawflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lawflow.casefile.PenaltyHistory;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.casefile.PenaltyKind;
import org.lawflow.documents.SampleCases;

class PublicationTextTest {

    @Test
    void theConclusionIsWrittenFromTheCaseAndTheNoteFollows() {
        assertThat(PublicationText.of(SampleCases.citizenCase(), "罚款30000元", " 当事人已缴纳罚款。 ")).isEqualTo(
                "当事人因未取得道路运输经营许可擅自从事道路旅客运输经营，违反了《中华人民共和国道路运输条例》第八条的规定，"
                        + "依据《中华人民共和国道路运输条例》第六十三条的规定，决定给予罚款30000元的行政处罚。当事人已缴纳罚款。");
    }

    @Test
    void theHeadsDecidedFineReplacesTheProposedOneAndWithoutADecisionNothingIsPublished() {
        var proposed = SampleCases.citizenCase();
        var c = new EnforcementCase(proposed.id(), proposed.agencyId(), proposed.caseNo(), proposed.status(),
                proposed.cause(), proposed.party(), proposed.facts(), proposed.evidence(), proposed.legalBasis(), null,
                List.of(new EnforcementCase.Penalty(PenaltyKind.WARNING, null, null),
                        new EnforcementCase.Penalty(PenaltyKind.FINE, new BigDecimal("30000"), null)),
                proposed.officers(), false, false, false, false, proposed.filedOn(), proposed.registeredBy(),
                proposed.registeredAt());
        assertThat(PublicationText.of(c, PenaltyHistory.describe(c, new BigDecimal("20000.00")), null))
                .endsWith("第八条的规定，决定给予警告；罚款20000元的行政处罚。");
        assertThatThrownBy(() -> PublicationText.of(c, null, null)).isInstanceOf(IllegalStateException.class);
    }
}
