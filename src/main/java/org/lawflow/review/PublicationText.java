package org.lawflow.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.lawflow.casefile.EnforcementCase;
import org.lawflow.casefile.PenaltyKind;

/**
 * The 执法结论 as published, written from the case's fields (案由, 法律依据, 处罚依据, the decided penalties) so that
 * the public text does not depend on what an officer types; the officer's note, if any, follows it. Unmasked:
 * {@link PersonalDataMasker} runs over the whole text.
 */
final class PublicationText {

    static String of(EnforcementCase c, BigDecimal decidedFine, String note) {
        StringBuilder text = new StringBuilder("当事人因").append(c.cause().strip());
        if (!blank(c.legalBasis())) {
            text.append("，违反了").append(c.legalBasis().strip()).append("的规定");
        }
        if (!blank(c.penaltyBasis())) {
            text.append("，依据").append(c.penaltyBasis().strip()).append("的规定");
        }
        text.append("，决定给予").append(penalties(c, decidedFine)).append("的行政处罚。");
        if (!blank(note)) {
            text.append(note.strip());
        }
        return text.toString();
    }

    /** The proposed penalties, the fine at the amount the head decided (负责人决定) when one was given. */
    static String penalties(EnforcementCase c, BigDecimal decidedFine) {
        if (decidedFine == null || !c.proposes(PenaltyKind.FINE)) {
            return c.penaltySummary();
        }
        List<String> parts = new ArrayList<>();
        boolean fineStated = false;
        for (var p : c.penalties()) {
            if (p.kind() != PenaltyKind.FINE) {
                parts.add(p.describe());
            } else if (!fineStated) {
                parts.add(new EnforcementCase.Penalty(PenaltyKind.FINE, decidedFine, p.detail()).describe());
                fineStated = true;
            }
        }
        return String.join("；", parts);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private PublicationText() {
    }
}
