package org.lawflow.calendar;

/**
 * The named statutory periods of the flows. {@link #defaultAmount()} can be overridden per deployment with
 * {@code lawflow.periods.<NAME>=<amount>} (for example a province's own legal-review time limit).
 * {@link #basisVerified()} says whether the period and its basis were checked against the statute text; the
 * others are defaults or local rules to be confirmed (see reference/legal-rules.md).
 */
public enum StatutoryPeriod {

    STATEMENT_DEFENCE(3, Unit.WORKDAYS, Protects.PARTY_TIME, "陈述申辩期限",
            "行政处罚法第四十五条；陈述申辩期限由各地规定，默认值", false),
    HEARING_REQUEST(5, Unit.WORKDAYS, Protects.PARTY_TIME, "听证申请期限", "行政处罚法第六十四条第一项", true),
    HEARING_NOTICE(7, Unit.WORKDAYS, Protects.PARTY_NOTICE, "听证通知提前期（听证七日前通知）",
            "行政处罚法第六十四条第二项（听证七日前通知）", true),
    HEARING_NOTICE_SERVICE(3, Unit.WORKDAYS, Protects.AGENCY_DUTY, "登记听证通知书送达期限",
            "本机关内部办理时限，默认值；听证通知书须在听证七个工作日前送达（行政处罚法第六十四条第二项）", false),
    HOST_APPOINTMENT(3, Unit.WORKDAYS, Protects.AGENCY_DUTY, "指定听证主持人期限", "本机关内部办理时限，默认值", false),
    HEARING_SCHEDULING(3, Unit.WORKDAYS, Protects.AGENCY_DUTY, "安排听证期限", "本机关内部办理时限，默认值", false),
    RECUSAL_DECISION(3, Unit.WORKDAYS, Protects.AGENCY_DUTY, "回避申请决定期限",
            "行政处罚法第四十三条（负责人决定）；办理时限为默认值", false),
    HEARING_RECORD(1, Unit.WORKDAYS, Protects.AGENCY_DUTY, "听证笔录制作期限（自听证之日起）", "本机关内部办理时限，默认值",
            false),
    HEARING_REPORT(5, Unit.WORKDAYS, Protects.AGENCY_DUTY, "听证报告期限", "本机关内部办理时限，默认值", false),
    LEGAL_REVIEW(5, Unit.WORKDAYS, Protects.AGENCY_DUTY, "法制审核期限", "国办发〔2018〕118号：审核时限由各机关规定，默认值",
            false),
    SERVICE(7, Unit.WORKDAYS, Protects.AGENCY_DUTY, "决定书送达期限", "行政处罚法第六十一条", true),
    /** 第六十一条 governs the decision only; no statute sets a period for serving the 违法行为通知书 (legal-rules.md). */
    NOTICE_SERVICE(7, Unit.WORKDAYS, Protects.AGENCY_DUTY, "违法行为通知书送达期限",
            "法律未规定专门期限；本机关内部办理时限，默认值（与决定书送达期限一致，待核实）", false),
    FILING(5, Unit.DAYS, Protects.AGENCY_DUTY, "重大行政处罚决定备案期限", "重大行政处罚决定备案（省级规定，待核实），默认值",
            false),
    /** Other 执法决定 (the general rule of the provincial plan); 行政处罚 has its own, shorter period below. */
    PUBLICATION(20, Unit.WORKDAYS, Protects.AGENCY_DUTY, "执法决定公示期限（行政许可、行政处罚以外）",
            "国办发〔2018〕118号（其他执法决定自作出之日起20个工作日内公开；仅经第三方报道核对，待核实原文）", false),
    /** Counted from the decision, not from service: the publication runs in parallel with 送达. */
    PUBLICATION_PENALTY(7, Unit.WORKDAYS, Protects.AGENCY_DUTY, "行政处罚决定公示期限（自作出决定之日起）",
            "国办发〔2018〕118号（行政许可、行政处罚决定自作出之日起7个工作日内公开；仅经第三方报道核对，待核实原文）",
            false),
    WITHDRAWAL(3, Unit.WORKDAYS, Protects.AGENCY_DUTY, "撤回公示期限", "行政处罚法第四十八条", true),
    PAYMENT(15, Unit.DAYS, Protects.PARTY_TIME, "缴纳罚款期限", "行政处罚法第六十七条", true),
    /**
     * When the decision can no longer be challenged (自决定书送达之日起): 行政复议 60 days, 行政诉讼 six months; the
     * longer of the two, so that 催告 never comes while the party may still sue. Counted from service, not from the
     * possibly later day the party knew of the decision: the party is served, so both coincide.
     */
    REMEDY_PERIODS(6, Unit.MONTHS, Protects.PARTY_TIME, "申请行政复议、提起行政诉讼期限（取较长的起诉期限，自决定书送达之日起）",
            "行政诉讼法第四十六条（六个月起诉期限）；行政复议法第二十条（六十日）；取对当事人较长者，待核实", false),
    /** 催告 (行政强制法第三十五条): the party performs within this period after the 催告书 is served. */
    DEMAND_PERFORMANCE(10, Unit.WORKDAYS, Protects.PARTY_TIME, "催告书送达后履行期限",
            "行政强制法第三十五条、第五十四条（催告书送达十日后仍未履行的，可以申请强制执行）；第六十九条（十日以内期限指工作日）；待核实",
            false),
    DEMAND_SERVICE(7, Unit.WORKDAYS, Protects.AGENCY_DUTY, "催告书送达期限", "法律未规定专门期限；本机关内部办理时限，默认值", false),
    /** Counted from the end of {@link #REMEDY_PERIODS}. */
    COURT_ENFORCEMENT_APPLICATION(3, Unit.MONTHS, Protects.AGENCY_DUTY, "申请人民法院强制执行期限（自复议、诉讼期限届满之日起）",
            "行政强制法第五十三条；待核实", false),
    ENFORCEMENT_RESULT(30, Unit.DAYS, Protects.OTHER_BODY, "登记人民法院强制执行结果（提醒）",
            "行政强制法第五十七条、第五十八条（人民法院审查和裁定的期限约束法院）；提醒时点为本机关内部设置，默认值", false),
    /** A penalty without a fine (暂扣许可证件等): when the officer records that it was carried out. */
    PERFORMANCE_RECORD(15, Unit.DAYS, Protects.AGENCY_DUTY, "登记履行情况期限（罚款以外的处罚，自决定书送达之日起）",
            "本机关内部办理时限，默认值（与行政处罚法第六十七条缴纳罚款期限一致）", false),
    CLOSURE_APPROVAL(5, Unit.WORKDAYS, Protects.AGENCY_DUTY, "结案审批期限", "本机关内部办理时限，默认值", false),
    /** A payment record the head returned for correction (补正), counted from the return. */
    PAYMENT_CORRECTION(5, Unit.WORKDAYS, Protects.AGENCY_DUTY, "补正缴纳记录期限", "本机关内部办理时限，默认值", false),
    DECISION_LIMIT(90, Unit.DAYS, Protects.AGENCY_DUTY, "作出行政处罚决定期限（自立案之日起）", "行政处罚法第六十条", true),
    /** Reminder points before the 90-day limit (the officers and the head are told; an extension can be approved). */
    DECISION_LIMIT_FIRST_REMINDER(60, Unit.DAYS, Protects.AGENCY_DUTY, "九十日办案期限第一次提醒（自立案之日起）",
            "行政处罚法第六十条；提醒时点为本机关内部设置，默认值", false),
    DECISION_LIMIT_SECOND_REMINDER(80, Unit.DAYS, Protects.AGENCY_DUTY, "九十日办案期限第二次提醒及延期审批（自立案之日起）",
            "行政处罚法第六十条（法律、法规、规章另有规定的除外；延期须经负责人批准，依据待核实）；提醒时点为本机关内部设置，默认值",
            false),
    TRANSFER_APPROVAL(3, Unit.DAYS, Protects.AGENCY_DUTY, "移送审批期限", "国务院令第310号第五条", true),
    TRANSFER_SEND(24, Unit.HOURS, Protects.AGENCY_DUTY, "批准后移送公安机关期限", "国务院令第310号第五条", true),
    POLICE_FILING_ANSWER(3, Unit.DAYS, Protects.OTHER_BODY, "公安机关立案审查期限", "国务院令第310号第八条", true),
    RECONSIDERATION_REQUEST(3, Unit.DAYS, Protects.AGENCY_DUTY, "提请公安机关复议期限", "国务院令第310号第九条", true),
    RECONSIDERATION_ANSWER(3, Unit.DAYS, Protects.OTHER_BODY, "公安机关复议答复期限", "国务院令第310号第九条", true),
    SUPERVISION_REQUEST(3, Unit.DAYS, Protects.AGENCY_DUTY, "建议检察院立案监督期限", "国务院令第310号第九条", true),
    EVIDENCE_HANDOVER(3, Unit.DAYS, Protects.AGENCY_DUTY, "移交涉案物品及材料期限", "国务院令第310号第十二条", true),
    DISCIPLINE_CLUE_TRANSFER(15, Unit.WORKDAYS, Protects.AGENCY_DUTY, "问题线索移送期限",
            "问题线索移送工作办法（县级实施细则，待核实），默认值", false),
    CASE_EVALUATION(20, Unit.WORKDAYS, Protects.AGENCY_DUTY, "案卷评查期限（自抽取案卷之日起）", "本机关内部时限，默认值（待核实）", false),
    BULLETIN_APPROVAL(5, Unit.WORKDAYS, Protects.AGENCY_DUTY, "审定评查通报期限", "本机关内部时限，默认值（待核实）", false),
    CASE_RECTIFICATION(20, Unit.WORKDAYS, Protects.AGENCY_DUTY, "不合格案卷整改期限",
            "青交〔2024〕32号（整改不合格案卷）；期限为本机关内部时限，默认值（待核实）", false),
    RECTIFICATION_CONFIRMATION(5, Unit.WORKDAYS, Protects.AGENCY_DUTY, "确认整改期限", "本机关内部时限，默认值（待核实）", false);

    /**
     * Whose right a period protects: it decides which bound a deadline takes while the year's holiday notice is not
     * loaded. A later date protects the party's time and any minimum notice owed to the party (an agency may always
     * give more time); an earlier date is the safe side of the agency's own duties (acting early is always lawful);
     * another body's period only drives reminders, which should not accuse it of lateness before it can be late.
     */
    public enum Protects {
        PARTY_TIME("当事人行使权利的期间", StatutoryCalendar.Bound.LATEST),
        PARTY_NOTICE("本机关对当事人的最短通知期", StatutoryCalendar.Bound.LATEST),
        AGENCY_DUTY("本机关的法定或内部办理期限", StatutoryCalendar.Bound.EARLIEST),
        OTHER_BODY("其他机关的期限（仅作提醒）", StatutoryCalendar.Bound.LATEST);

        private final String chineseName;
        private final StatutoryCalendar.Bound bound;

        Protects(String chineseName, StatutoryCalendar.Bound bound) {
            this.chineseName = chineseName;
            this.bound = bound;
        }

        public String chineseName() {
            return chineseName;
        }

        /** True if the later bound applies while a year is provisional. */
        public boolean takesLatest() {
            return bound == StatutoryCalendar.Bound.LATEST;
        }

        StatutoryCalendar.Bound bound() {
            return bound;
        }
    }

    /** How a period is counted. */
    public enum Unit {
        /** 工作日: 行政处罚法第八十五条 (weekdays and 调休 working days, not counting statutory holidays). */
        WORKDAYS,
        /** 日: 民事诉讼法第八十五条 (first day not counted; a last day on a rest day moves to the next working day). */
        DAYS,
        /**
         * 月: the same day of the Nth month after D (the first day is not counted; without that day, the month's last
         * day), moved to the next working day if it is a rest day (民法典第二百零一条至第二百零三条).
         */
        MONTHS,
        /** 小时: from the moment of the event. */
        HOURS
    }

    /** 国务院令第310号 says "3日" without saying working days: LawFlow counts them as calendar days (conservative). */
    static final String ORDER_310_NOTE = "310号令未明确“日”是否为工作日，按日历日计算（从严解释）";

    private final int defaultAmount;
    private final Unit unit;
    private final Protects protects;
    private final String chineseName;
    private final String basis;
    private final boolean basisVerified;

    StatutoryPeriod(int defaultAmount, Unit unit, Protects protects, String chineseName, String basis,
            boolean basisVerified) {
        this.defaultAmount = defaultAmount;
        this.unit = unit;
        this.protects = protects;
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

    public Protects protects() {
        return protects;
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
