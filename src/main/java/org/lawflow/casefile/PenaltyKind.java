package org.lawflow.casefile;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Kinds of administrative penalty (行政处罚法第九条) a transport case may propose, with what the law attaches to
 * each: whether an amount is needed, and whether it is a hearing-triggering heavy penalty (第六十三条).
 */
public enum PenaltyKind {
    WARNING("警告", false, false),
    CRITICISM("通报批评", false, false),
    FINE("罚款", true, false),
    CONFISCATE_ILLEGAL_GAINS("没收违法所得", true, false),
    CONFISCATE_ILLEGAL_PROPERTY("没收非法财物", true, false),
    SUSPEND_LICENSE("暂扣许可证件", false, false),
    LOWER_QUALIFICATION("降低资质等级", false, true),
    REVOKE_LICENSE("吊销许可证件", false, true),
    RESTRICT_BUSINESS("限制开展生产经营活动", false, true),
    SUSPEND_BUSINESS("责令停产停业", false, true),
    ORDER_CLOSURE("责令关闭", false, true),
    RESTRICT_PRACTICE("限制从业", false, true);

    private final String label;
    private final boolean needsAmount;
    private final boolean namedByLaw;

    /**
     * The heavy kinds in force: the law's own and the agency's "其他较重的行政处罚" (第六十三条第一款第五项), set once at
     * startup from {@code lawflow.hearing.heavy-penalty-kinds} ({@link HeavyPenaltyKinds}).
     */
    private static volatile Set<PenaltyKind> heavyKinds = defaultHeavyKinds();

    PenaltyKind(String label, boolean needsAmount, boolean namedByLaw) {
        this.label = label;
        this.needsAmount = needsAmount;
        this.namedByLaw = namedByLaw;
    }

    public String label() {
        return label;
    }

    public boolean needsAmount() {
        return needsAmount;
    }

    /**
     * Named by 行政处罚法第六十三条第一款第三、四项 (降低资质等级、吊销许可证件; 责令停产停业、责令关闭、限制从业, with 限制开展
     * 生产经营活动 of the same 第九条第四项): always heavy, no agency list can drop them.
     */
    public boolean namedByLaw() {
        return namedByLaw;
    }

    /**
     * Heavy: gives the party a right to a hearing whatever the amount (第六十三条第一款第三至五项). By default the kinds
     * the law names and 暂扣许可证件 as "其他较重的行政处罚" (#29; 交通运输行政执法程序规定 lists it too, to be confirmed).
     */
    public boolean heavy() {
        return heavyKinds.contains(this);
    }

    /** The law's heavy kinds and 暂扣许可证件. */
    public static Set<PenaltyKind> defaultHeavyKinds() {
        Set<PenaltyKind> kinds = EnumSet.of(SUSPEND_LICENSE);
        for (PenaltyKind kind : values()) {
            if (kind.namedByLaw) {
                kinds.add(kind);
            }
        }
        return Collections.unmodifiableSet(kinds);
    }

    /** The heavy kinds in force. */
    public static Set<PenaltyKind> heavyKinds() {
        return heavyKinds;
    }

    /** Sets the agency's list; refuses one without a kind the law names (the party's right cannot be configured away). */
    static void useHeavyKinds(Set<PenaltyKind> kinds) {
        for (PenaltyKind kind : values()) {
            if (kind.namedByLaw && !kinds.contains(kind)) {
                throw new IllegalStateException("lawflow.hearing.heavy-penalty-kinds lacks " + kind.name() + "（"
                        + kind.label + "）: 行政处罚法第六十三条第一款明定其听证权利，不能移除");
            }
        }
        heavyKinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
    }
}
