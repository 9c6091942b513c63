package org.lawflow.system;

/**
 * The statutory numbers that are counts, not periods, each with its legal basis and whose right it protects. The
 * periods are {@code calendar.StatutoryPeriod}; the 较大数额 thresholds, which the law leaves to provinces, are
 * {@code review.PenaltyThresholds}. These are national law and not configurable below their value.
 */
public enum StatutoryCount {

    /** Investigation and inspection by at least two officers with enforcement certificates. */
    MIN_OFFICERS(2, "行政处罚法第四十二条", "执法人员不得少于两人", "当事人：执法程序的公正"),
    /** The party may be represented at the hearing by one or two agents. */
    MAX_HEARING_AGENTS(2, "行政处罚法第六十四条第五项", "当事人可以委托一至二人代理", "当事人：委托代理的权利（上限防止程序被拖延）"),
    /** The special team that examines a suspected crime before transfer. */
    MIN_TRANSFER_TEAM(2, "国务院令第310号第五条", "专案组由2名或者2名以上行政执法人员组成", "移送程序的审查质量"),
    /**
     * Days after which a public notice (公告送达) counts as served. 行政处罚法第六十一条 refers to the 民事诉讼法 without
     * more: applied by analogy, to be confirmed; the later effective date is the party's safe side (its windows start
     * then).
     */
    PUBLIC_NOTICE_DAYS(30, "民事诉讼法第九十五条（类推适用，待核实）", "公告送达的，自发出公告之日起经过三十日，即视为送达",
            "当事人：知悉文书后行使权利的期间"),
    /**
     * 加处罚款: per day late, this percentage of the fine, in total never more than the fine. 可以: the agency may
     * charge less or none, so it is a ceiling, not an amount owed.
     */
    LATE_PAYMENT_DAILY_PERCENT(3, "行政处罚法第七十二条第一款", "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额",
            "当事人：加处罚款不超过法定上限");

    private final int value;
    private final String basis;
    private final String rule;
    private final String protects;

    StatutoryCount(int value, String basis, String rule, String protects) {
        this.value = value;
        this.basis = basis;
        this.rule = rule;
        this.protects = protects;
    }

    public int value() {
        return value;
    }

    public String basis() {
        return basis;
    }

    /** The rule in Chinese with its basis, for error messages: "执法人员不得少于两人（行政处罚法第四十二条）". */
    public String text() {
        return rule + "（" + basis + "）";
    }

    public String protects() {
        return protects;
    }
}
