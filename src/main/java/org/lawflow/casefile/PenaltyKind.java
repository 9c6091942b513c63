package org.lawflow.casefile;

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
    private final boolean heavy;

    PenaltyKind(String label, boolean needsAmount, boolean heavy) {
        this.label = label;
        this.needsAmount = needsAmount;
        this.heavy = heavy;
    }

    public String label() {
        return label;
    }

    public boolean needsAmount() {
        return needsAmount;
    }

    /** Heavy penalties that always give the party a right to a hearing (行政处罚法第六十三条第一款第二至四项). */
    public boolean heavy() {
        return heavy;
    }
}
