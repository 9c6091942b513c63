package org.lawflow.enforcement;

import static org.lawflow.enforcement.EnforcementVariables.PAID_AMOUNT;
import static org.lawflow.enforcement.EnforcementVariables.PAID_ON;
import static org.lawflow.enforcement.EnforcementVariables.PAYMENT_NOTE;
import static org.lawflow.enforcement.EnforcementVariables.RECEIPT_NO;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.lawflow.system.ChinaTimeFormat;
import org.lawflow.system.InputChecks;
import org.lawflow.system.InvalidInputException;

/**
 * A recorded payment of the fine (缴纳日期、缴纳金额、缴款凭证号、说明), checked the same way wherever the officer records
 * it: paid on a day that has come and not before the decision; at least the decided fine; at most the fine plus the
 * 加处罚款 accrued by the day paid ({@link LatePayment#ceiling}). Anything in between is accepted because 加处罚款 is
 * discretionary (行政处罚法第七十二条第一款 “可以”): the agency may waive part or all of it.
 */
record PaymentRecord(LocalDate paidOn, BigDecimal amount, String receiptNo, String note, BigDecimal surcharge,
        long daysLate) {

    static PaymentRecord read(VariableScope scope, LatePayment rule, LocalDate decidedOn, LocalDate today) {
        LocalDate paidOn = InputChecks.parseDate(PAID_ON, scope.getVariable(PAID_ON));
        if (paidOn == null) {
            throw new InvalidInputException(PAID_ON, "请填写缴纳日期");
        }
        InputChecks.pastDate(PAID_ON, paidOn);
        if (paidOn.isAfter(today)) {
            throw new InvalidInputException(PAID_ON, "缴纳日期" + day(paidOn) + "晚于今天（" + day(today) + "），尚未缴纳的不能登记");
        }
        if (decidedOn != null && paidOn.isBefore(decidedOn)) {
            throw new InvalidInputException(PAID_ON, "缴纳日期" + day(paidOn) + "早于处罚决定日期（" + day(decidedOn) + "），请核对缴款凭证");
        }
        BigDecimal amount = InputChecks.amount(PAID_AMOUNT, scope.getVariable(PAID_AMOUNT));
        if (amount == null) {
            throw new InvalidInputException(PAID_AMOUNT, "请填写缴纳金额（元）");
        }
        if (amount.compareTo(rule.fine()) < 0) {
            throw new InvalidInputException(PAID_AMOUNT, "缴纳金额" + Money.text(amount) + "少于决定的罚款" + Money.text(rule.fine())
                    + "，罚款未缴清的不能登记为已缴纳（分期、延期缴纳须依行政处罚法第六十六条另行批准）");
        }
        BigDecimal ceiling = rule.ceiling(paidOn);
        if (amount.compareTo(rule.fine().add(ceiling)) > 0) {
            throw new InvalidInputException(PAID_AMOUNT, "缴纳金额" + Money.text(amount) + "超过罚款与加处罚款之和的上限"
                    + Money.text(rule.fine().add(ceiling)) + "（罚款" + Money.text(rule.fine()) + "，截至" + day(paidOn)
                    + "加处罚款最多" + rule.describeCeiling(paidOn) + "；行政处罚法第七十二条第一款）");
        }
        String receipt = text(RECEIPT_NO, scope.getVariable(RECEIPT_NO));
        if (receipt == null) {
            throw new InvalidInputException(RECEIPT_NO, "请填写缴款凭证号");
        }
        return new PaymentRecord(paidOn, amount, receipt, text(PAYMENT_NOTE, scope.getVariable(PAYMENT_NOTE)),
                amount.subtract(rule.fine()), rule.daysLate(paidOn));
    }

    /** For the record and the 结案报告: "2026年12月1日缴纳罚款20000元，加处罚款600元（逾期1日），缴款凭证号…". */
    String describe() {
        return day(paidOn) + "缴纳" + Money.text(amount) + "（罚款" + Money.text(amount.subtract(surcharge)) + "，加处罚款"
                + Money.text(surcharge) + (daysLate > 0 ? "，逾期" + daysLate + "日" : "") + "），缴款凭证号" + receiptNo
                + (note == null ? "" : "；" + note);
    }

    static String text(String field, Object value) {
        String s = value == null ? null : InputChecks.text(field, String.valueOf(value).strip());
        return s == null || s.isEmpty() ? null : s;
    }

    private static String day(LocalDate date) {
        return ChinaTimeFormat.documentDate(date);
    }
}
