package org.lawflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.LocalDate;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.junit.jupiter.api.Test;

/** The reduced font for common characters, and the full font for a document with a rarer character. */
class CommonCharactersTest {

    static final CommonCharacters COMMON = CommonCharacters.get();

    @Test
    void theRepertoireIsGb2312WithPunctuationAndTheReducedFontDrawsAllOfIt() throws Exception {
        assertThat(COMMON.size()).as("GB 2312 has 7,445 characters; plus Latin and punctuation")
                .isBetween(7_445, 9_000);
        assertThat(COMMON.covers("行政处罚决定书 宁交执罚〔2026〕7号：罚款30000元（叁万元整）。——第1页/共2页 ① ℃ ×"))
                .isTrue();
        TrueTypeFont reduced = PdfRenderer.parseFont(COMMON.fontBytes());
        TrueTypeFont full = PdfRenderer.parseFont(PdfRenderer.fontBytes());
        assertThat(reduced.getNumberOfGlyphs()).isLessThan(full.getNumberOfGlyphs() / 3);
        var reducedCmap = reduced.getUnicodeCmapLookup();
        "马建国罚款违法行为通知书〔〕：；，。".codePoints().forEach(c ->
                assertThat(reducedCmap.getGlyphId(c)).as(Character.toString(c)).isPositive());
        assertThat(reduced.getAdvanceWidth(reducedCmap.getGlyphId('罚')))
                .isEqualTo(full.getAdvanceWidth(full.getUnicodeCmapLookup().getGlyphId('罚')));
    }

    @Test
    void aCharacterOutsideGb2312IsNotCovered() {
        var gb2312 = Charset.forName("GB2312").newEncoder();
        for (String rare : new String[] {"喆", "堃", "𠀾"}) {
            assertThat(rare.length() == 1 && gb2312.canEncode(rare.charAt(0))).as(rare + " is not GB 2312").isFalse();
            assertThat(COMMON.covers("当事人张" + rare)).as(rare).isFalse();
        }
    }

    @Test
    void aDocumentWithARareNameIsDrawnWithTheFullFontAndReadsBackCorrectly() throws Exception {
        // the reduced font has no 喆 or 堃: drawn with it, the name would not read back
        var c = SampleCases.citizenCase();
        var withRareName = new org.lawflow.casefile.EnforcementCase(c.id(), c.agencyId(), c.caseNo(), c.status(),
                c.cause(), new org.lawflow.casefile.EnforcementCase.Party(c.party().type(), "马喆堃",
                        c.party().idNumber(), null, c.party().phone(), c.party().address(), c.party().email()),
                c.facts(), c.evidence(), c.legalBasis(), c.penaltyBasis(), c.penalties(), c.officers(),
                c.majorPublicInterest(), c.complexCase(), c.socialImpact(), c.thirdPartyMajorInterest(), c.filedOn(), c.registeredBy(),
                c.registeredAt());
        for (var kase : new org.lawflow.casefile.EnforcementCase[] {c, withRareName}) {
            var rendered = DocumentRenderingTest.RENDERING.render(DocumentKind.PENALTY_DECISION, kase,
                    SampleCases.xining(), SampleCases.reviewVariables(), LocalDate.of(2026, 12, 2));
            String text = DocumentRenderingTest.text(rendered.pdf()).replaceAll("\\s+", "");
            assertThat(text).contains(kase.party().name(), "行政处罚决定书", "宁交执罚〔2026〕7号");
        }
    }
}
