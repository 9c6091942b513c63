package org.lawflow.enforcement;

/** Names of the penalty-enforcement variables, in one place (process data accessor). */
final class EnforcementVariables {

    static final String PROCESS_KEY = "penalty-enforcement";
    static final String LEAD_OFFICER = "leadOfficer";
    /** The day the 决定书 took effect as served (set by the review's 记录决定书送达): every period here runs from it. */
    static final String SERVED_ON = "servedOn";
    static final String DECIDED_ON = "decidedOn";
    /** Routing flag: the decided penalty includes a fine (the amount itself is read from the penalty history). */
    static final String WITH_FINE = "withFine";

    // the payment, as 登记缴纳罚款 and the "当事人已履行" branch of the later steps record it
    static final String PAID_ON = "paidOn";
    static final String PAID_AMOUNT = "paidAmount";
    static final String RECEIPT_NO = "paymentReceiptNo";
    static final String PAYMENT_NOTE = "paymentNote";
    static final String PARTY_PERFORMED = "partyPerformed";

    // 催告
    static final String DEMAND_MADE_ON = "demandMadeOn";
    static final String DEMAND_SURCHARGE = "demandSurcharge";
    static final String DEMAND_TOTAL = "demandTotal";
    static final String PERFORM_WITHIN = "performWithinWorkdays";
    static final String PAYMENT_DEADLINE = "paymentDeadline";
    static final String REMEDY_PERIODS_END = "remedyPeriodsEnd";

    // 申请人民法院强制执行 and its result
    static final String COURT_NAME = "courtName";
    static final String COURT_APPLIED_ON = "courtAppliedOn";
    static final String COURT_RULED_ON = "courtRuledOn";
    static final String COURT_RULING = "courtRuling";
    static final String ENFORCEMENT_RESULT = "enforcementResult";
    static final String RECOVERED_AMOUNT = "recoveredAmount";

    // 登记履行情况 (no fine)
    static final String PERFORMED_ON = "performedOn";
    static final String PERFORMANCE_NOTE = "performanceNote";

    // 负责人审批结案
    static final String CLOSURE_DECISION = "closureDecision";
    static final String CLOSURE_OPINION = "closureOpinion";
    /** The head's reason when returning the closure, shown on the officer's step until it is completed again. */
    static final String CLOSURE_RETURN_REASON = "closureReturnReason";

    /** What the 结案报告 states: how the penalty was performed, and the 加处罚款 charged. */
    static final String PERFORMANCE_SUMMARY = "performanceSummary";
    static final String SURCHARGE_AMOUNT = "surchargeAmount";
    /**
     * The officer's step that recorded the performance ({@link Step}), so that a returned closure goes back to it. A
     * routing code, not an activity id.
     */
    static final String PERFORMANCE_STEP = "performanceStep";

    /** The officer's steps a returned closure can go back to. */
    enum Step {
        PAYMENT, DEMAND, COURT, RESULT, PERFORMANCE
    }

    /** Task-local values for the header of 登记缴纳罚款, set when the task is created. */
    static final String HEADER_FINE = "headerFine";
    static final String HEADER_DEADLINE = "headerPaymentDeadline";
    static final String HEADER_CEILING = "headerSurchargeCeiling";

    /** The task-local summary the full-process record states for a step (casefile's CaseRecordParseListener). */
    static final String RECORD_DETAIL = "recordDetail";

    private EnforcementVariables() {
    }
}
