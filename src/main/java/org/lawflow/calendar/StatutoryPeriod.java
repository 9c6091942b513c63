package org.lawflow.calendar;

/**
 * The named statutory periods of the flows. {@link #defaultAmount()} can be overridden per deployment with
 * {@code lawflow.periods.<NAME>=<amount>} (for example a province's own legal-review time limit).
 * {@link #basisVerified()} says whether the period and its basis were checked against the statute text; the
 * others are defaults or local rules to be confirmed (see reference/legal-rules.md).
 */
public enum StatutoryPeriod {

    STATEMENT_DEFENCE(3, Unit.WORKDAYS, "陈述申辩期限", "行政处罚法第四十五条；陈述申辩期限由各地规定，默认值", false),
    HEARING_REQUEST(5, Unit.WORKDAYS, "听证申请期限", "行政处罚法第六十四条第一项", true),
    HEARING_NOTICE(7, Unit.WORKDAYS, "听证通知提前期（听证七日前通知）", "行政处罚法第六十四条第二项（听证七日前通知）", true),
    LEGAL_REVIEW(5, Unit.WORKDAYS, "法制审核期限", "国办发〔2018〕118号：审核时限由各机关规定，默认值", false),
    SERVICE(7, Unit.WORKDAYS, "决定书送达期限", "行政处罚法第六十一条", true),
    FILING(5, Unit.DAYS, "重大行政处罚决定备案期限", "重大行政处罚决定备案（省级规定，待核实），默认值", false),
    PUBLICATION(20, Unit.WORKDAYS, "执法决定公示期限", "国办发〔2018〕118号", false),
    WITHDRAWAL(3, Unit.WORKDAYS, "撤回公示期限", "行政处罚法第四十八条", true),
    PAYMENT(15, Unit.DAYS, "缴纳罚款期限", "行政处罚法第六十七条", true),
    DECISION_LIMIT(90, Unit.DAYS, "作出行政处罚决定期限（自立案之日起）", "行政处罚法第六十条", true),
    TRANSFER_APPROVAL(3, Unit.DAYS, "移送审批期限", "国务院令第310号第五条", true),
    TRANSFER_SEND(24, Unit.HOURS, "批准后移送公安机关期限", "国务院令第310号第五条", true),
    POLICE_FILING_ANSWER(3, Unit.DAYS, "公安机关立案审查期限", "国务院令第310号第八条", true),
    RECONSIDERATION_REQUEST(3, Unit.DAYS, "提请公安机关复议期限", "国务院令第310号第九条", true),
    RECONSIDERATION_ANSWER(3, Unit.DAYS, "公安机关复议答复期限", "国务院令第310号第九条", true),
    SUPERVISION_REQUEST(3, Unit.DAYS, "建议检察院立案监督期限", "国务院令第310号第九条", true),
    EVIDENCE_HANDOVER(3, Unit.DAYS, "移交涉案物品及材料期限", "国务院令第310号第十二条", true),
    DISCIPLINE_CLUE_TRANSFER(15, Unit.WORKDAYS, "问题线索移送期限",
            "问题线索移送工作办法（县级实施细则，待核实），默认值", false);

    /** How a period is counted. */
    public enum Unit {
        /** 工作日: 行政处罚法第八十五条 (weekdays and 调休 working days, not counting statutory holidays). */
        WORKDAYS,
        /** 日: 民事诉讼法第八十五条 (first day not counted; a last day on a rest day moves to the next working day). */
        DAYS,
        /** 小时: from the moment of the event. */
        HOURS
    }

    /** 国务院令第310号 says "3日" without saying working days: LawFlow counts them as calendar days (conservative). */
    static final String ORDER_310_NOTE = "310号令未明确“日”是否为工作日，按日历日计算（从严解释）";

    private final int defaultAmount;
    private final Unit unit;
    private final String chineseName;
    private final String basis;
    private final boolean basisVerified;

    StatutoryPeriod(int defaultAmount, Unit unit, String chineseName, String basis, boolean basisVerified) {
        this.defaultAmount = defaultAmount;
        this.unit = unit;
        this.chineseName = chineseName;
        this.basis = basis;
        this.basisVerified = basisVerified;
    }

    public int defaultAmount() {
        return defaultAmount;
    }

    public Unit unit() {
        return unit;
    }

    public String chineseName() {
        return chineseName;
    }

    public String basis() {
        return basis;
    }

    public boolean basisVerified() {
        return basisVerified;
    }

    /** A note on how the period is interpreted, or null. */
    public String note() {
        return basis.startsWith("国务院令第310号") && unit == Unit.DAYS ? ORDER_310_NOTE : null;
    }
}
