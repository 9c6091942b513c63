package org.lawflow.casefile;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One entry of a case's penalty history: the proposal notified to the party, or a revision of it, with who, when
 * (stored as an instant, shown in China time) and why. {@code amount} is the fine in 元 when the case proposes one;
 * {@code text} the whole penalty as a document states it (罚款20000元；暂扣许可证件).
 */
public record PenaltyRevision(Stage stage, String kind, BigDecimal amount, String text, String actor,
        OffsetDateTime at, String reason) {

    /** Where in the procedure the penalty was set, in procedural order. */
    public enum Stage {
        /** 拟处罚决定 as registered and notified (行政处罚法第四十四条). */
        PROPOSED("拟处罚决定"),
        /** 陈述申辩复核 (第四十五条). */
        RECHECK("陈述申辩复核"),
        /** The hearing report's recommendation (第六十五条). */
        HEARING_RECOMMENDATION("听证报告建议"),
        /** 法制审核 (第五十八条). */
        LEGAL_REVIEW("法制审核建议"),
        /** The head's decision (第五十七条): the decided penalty. */
        HEAD_DECISION("负责人决定");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Kinds: a fine with its amount, the case's penalties without a fine, or the decision to impose none. */
    public static final String FINE = "FINE";
    public static final String PENALTY = "PENALTY";
    public static final String NO_PENALTY = "NO_PENALTY";
}
