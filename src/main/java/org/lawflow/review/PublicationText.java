package org.lawflow.review;

import org.lawflow.casefile.PenaltyHistory;
import org.lawflow.casefile.EnforcementCase;

/**
 * The 执法结论 as published, written from the case's fields (案由, 法律依据, 处罚依据, the decided penalties) so that
 * the public text does not depend on what an officer types; the penalty is the decided one, never the proposal; the officer's note, if any, follows it. Unmasked:
 * {@link PersonalDataMasker} runs over the whole text.
 */
final class PublicationText {

    /** {@code decidedPenalty}: the head's decision as {@link PenaltyHistory} holds it (罚款20000元). */
    static String of(EnforcementCase c, String decidedPenalty, String note) {
        if (blank(decidedPenalty)) {
            throw new IllegalStateException("案件 " + c.caseNo() + " 没有负责人决定的处罚，不能公示（不以拟处罚代替）");
        }
        StringBuilder text = new StringBuilder("当事人因").append(c.cause().strip());
        if (!blank(c.legalBasis())) {
            text.append("，违反了").append(c.legalBasis().strip()).append("的规定");
        }
        if (!blank(c.penaltyBasis())) {
            text.append("，依据").append(c.penaltyBasis().strip()).append("的规定");
        }
        text.append("，决定给予").append(decidedPenalty.strip()).append("的行政处罚。");
        if (!blank(note)) {
            text.append(note.strip());
        }
        return text.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private PublicationText() {
    }
}
