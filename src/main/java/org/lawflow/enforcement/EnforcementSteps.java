package org.lawflow.enforcement;

import static org.lawflow.enforcement.EnforcementVariables.CLOSURE_DECISION;
import static org.lawflow.enforcement.EnforcementVariables.CLOSURE_OPINION;
import static org.lawflow.enforcement.EnforcementVariables.CLOSURE_RETURN_REASON;
import static org.lawflow.enforcement.EnforcementVariables.COURT_APPLIED_ON;
import static org.lawflow.enforcement.EnforcementVariables.COURT_NAME;
import static org.lawflow.enforcement.EnforcementVariables.COURT_RULED_ON;
import static org.lawflow.enforcement.EnforcementVariables.COURT_RULING;
import static org.lawflow.enforcement.EnforcementVariables.DECIDED_ON;
import static org.lawflow.enforcement.EnforcementVariables.DEMAND_MADE_ON;
import static org.lawflow.enforcement.EnforcementVariables.ENFORCEMENT_RESULT;
import static org.lawflow.enforcement.EnforcementVariables.PARTY_PERFORMED;
import static org.lawflow.enforcement.EnforcementVariables.PERFORMANCE_NOTE;
import static org.lawflow.enforcement.EnforcementVariables.PERFORMANCE_STEP;
import static org.lawflow.enforcement.EnforcementVariables.PERFORMANCE_SUMMARY;
import static org.lawflow.enforcement.EnforcementVariables.PERFORMED_ON;
import static org.lawflow.enforcement.EnforcementVariables.RECORD_DETAIL;
import static org.lawflow.enforcement.EnforcementVariables.RECOVERED_AMOUNT;
import static org.lawflow.enforcement.EnforcementVariables.REMEDY_PERIODS_END;
import static org.lawflow.enforcement.EnforcementVariables.SERVED_ON;
import static org.lawflow.enforcement.EnforcementVariables.SURCHARGE_AMOUNT;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.lawflow.enforcement.EnforcementVariables.Step;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.ChinaTimeFormat;
import org.lawflow.system.InputChecks;
import org.lawflow.system.InvalidInputException;
import org.lawflow.system.ProcessVariables;
import org.lawflow.system.ServiceRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of penalty-enforcement, one named bean each: the officer's records are checked by their complete
 * listeners (each refusal an {@link InvalidInputException} naming the field in Chinese), which also leave the
 * summary the 结案报告 and the full-process record state and the step a returned closure goes back to.
 */
@Configuration
class EnforcementSteps {

    static final ServiceRecord.Fields DEMAND = new ServiceRecord.Fields("催告书", "demandServedOn", "demandServiceMethod",
            null, "demandElectronicConsent");

    private final Enforcements enforcements;

    EnforcementSteps(Enforcements enforcements) {
        this.enforcements = enforcements;
    }

    /** 登记缴纳罚款, on create: the decided fine, the deadline and today's 加处罚款 ceiling for the form's header. */
    @Bean
    TaskListener paymentTaskHeader() {
        return task -> {
            LocalDate today = ChinaTime.today();
            var rule = latePayment(task);
            task.setVariableLocal(EnforcementVariables.HEADER_FINE,
                    rule == null ? ChinaTimeFormat.MISSING : Money.text(rule.fine()));
            task.setVariableLocal(EnforcementVariables.HEADER_DEADLINE,
                    rule == null ? ChinaTimeFormat.MISSING : ChinaTimeFormat.documentDate(rule.deadline()));
            task.setVariableLocal(EnforcementVariables.HEADER_CEILING,
                    rule == null ? ChinaTimeFormat.MISSING : rule.describeCeiling(today));
        };
    }

    /** 登记缴纳罚款: the payment (see {@link PaymentRecord}). */
    @Bean
    TaskListener paymentGuard() {
        return task -> recordPayment(task, Step.PAYMENT);
    }

    /** 登记催告书送达: the 催告书 served (checked like every 送达), or the party performed meanwhile. */
    @Bean
    TaskListener demandServiceGuard() {
        return task -> {
            if (performed(task)) {
                recordPayment(task, Step.DEMAND);
                return;
            }
            ServiceRecord service = ServiceRecord.read(task, DEMAND, ProcessVariables.day(task.getVariable(DEMAND_MADE_ON)));
            task.setVariable(DEMAND.date(), service.effectiveOn().toString());
            task.setVariable(DEMAND.method(), service.method().name());
            task.setVariable(DEMAND.consent(), service.electronicConsent());
            task.setVariableLocal(RECORD_DETAIL, DEMAND.document() + service.describe());
            task.setVariable(PERFORMANCE_STEP, Step.DEMAND.name());
        };
    }

    /** 申请人民法院强制执行: which court and when (not before the remedy periods ended), or the party performed. */
    @Bean
    TaskListener courtApplicationGuard() {
        return task -> {
            if (performed(task)) {
                recordPayment(task, Step.COURT);
                return;
            }
            String court = required(task, COURT_NAME, "请填写受理申请的人民法院");
            LocalDate appliedOn = pastDay(task, COURT_APPLIED_ON, "请填写申请日期", null, null);
            LocalDate remedyEnd = ProcessVariables.day(task.getVariable(REMEDY_PERIODS_END));
            if (remedyEnd != null && !appliedOn.isAfter(remedyEnd)) {
                throw new InvalidInputException(COURT_APPLIED_ON, "申请日期" + day(appliedOn) + "未晚于复议、诉讼期限届满日（"
                        + day(remedyEnd) + "），期限届满前不得申请强制执行（行政强制法第五十三条）");
            }
            task.setVariable(COURT_APPLIED_ON, appliedOn.toString());
            task.setVariableLocal(RECORD_DETAIL, day(appliedOn) + "向" + court + "申请强制执行");
            task.setVariable(PERFORMANCE_STEP, Step.COURT.name());
        };
    }

    /** 登记强制执行结果: the court's ruling, what was enforced and the amount recovered. */
    @Bean
    TaskListener enforcementResultGuard() {
        return task -> {
            LocalDate ruledOn = pastDay(task, COURT_RULED_ON, "请填写人民法院裁定日期", COURT_APPLIED_ON, "申请日期");
            String ruling = ProcessVariables.nonBlank(task, COURT_RULING);
            if (!"ALLOWED".equals(ruling) && !"DENIED".equals(ruling)) {
                throw new InvalidInputException(COURT_RULING, "请选择人民法院的裁定：准予执行或不予执行");
            }
            String result = required(task, ENFORCEMENT_RESULT, "请填写强制执行结果");
            BigDecimal recovered = InputChecks.amount(RECOVERED_AMOUNT, task.getVariable(RECOVERED_AMOUNT));
            if ("ALLOWED".equals(ruling) && recovered == null) {
                throw new InvalidInputException(RECOVERED_AMOUNT, "请填写执行到位金额（元；未执行到位的填0）");
            }
            BigDecimal fine = enforcements.decidedFine(ProcessVariables.caseId(task)).orElse(BigDecimal.ZERO);
            String summary = "经申请" + ProcessVariables.string(task, COURT_NAME) + "强制执行，" + day(ruledOn)
                    + ("ALLOWED".equals(ruling) ? "裁定准予执行" : "裁定不予执行") + "：" + result
                    + (recovered == null ? "" : "；执行到位金额" + Money.text(recovered));
            task.setVariable(PERFORMANCE_SUMMARY, summary);
            task.setVariable(SURCHARGE_AMOUNT, recovered == null || recovered.compareTo(fine) <= 0 ? "0"
                    : Money.plain(recovered.subtract(fine)));
            task.setVariableLocal(RECORD_DETAIL, summary);
            finished(task, Step.RESULT);
        };
    }

    /** 登记履行情况 (a penalty without a fine): when and how it was carried out. */
    @Bean
    TaskListener performanceGuard() {
        return task -> {
            LocalDate performedOn = pastDay(task, PERFORMED_ON, "请填写履行日期", DECIDED_ON, "处罚决定日期");
            String note = required(task, PERFORMANCE_NOTE, "请写明处罚决定的履行情况（如已暂扣许可证件及期限）");
            String summary = day(performedOn) + "履行完毕：" + note;
            task.setVariable(PERFORMANCE_SUMMARY, summary);
            task.setVariableLocal(RECORD_DETAIL, summary);
            finished(task, Step.PERFORMANCE);
        };
    }

    /** 负责人审批结案: approve, or return with a reason the officer then sees on the returned step. */
    @Bean
    TaskListener closureApprovalGuard() {
        return task -> {
            String decision = ProcessVariables.nonBlank(task, CLOSURE_DECISION);
            if (!"APPROVE".equals(decision) && !"RETURN".equals(decision)) {
                throw new InvalidInputException(CLOSURE_DECISION, "请选择同意结案或退回补正");
            }
            String opinion = PaymentRecord.text(CLOSURE_OPINION, task.getVariable(CLOSURE_OPINION));
            if ("RETURN".equals(decision) && opinion == null) {
                throw new InvalidInputException(CLOSURE_OPINION, "退回补正的，请写明理由");
            }
            if ("RETURN".equals(decision)) {
                task.setVariable(CLOSURE_RETURN_REASON, opinion);
                task.setVariableLocal(RECORD_DETAIL, "退回补正：" + opinion);
            } else {
                task.setVariableLocal(RECORD_DETAIL, "同意结案" + (opinion == null ? "" : "：" + opinion));
            }
        };
    }

    /** 计算加处罚款并准备催告: the figures the 催告书 states, as of today. */
    @Bean
    JavaDelegate demandPreparationDelegate() {
        return execution -> {
            LocalDate today = ChinaTime.today();
            var rule = latePayment(execution);
            if (rule == null) {
                throw new IllegalStateException("案件没有已决定的罚款，不能催告缴纳");
            }
            LocalDate servedOn = ProcessVariables.day(execution.getVariable(SERVED_ON));
            BigDecimal surcharge = rule.ceiling(today);
            execution.setVariable(DEMAND_MADE_ON, today.toString());
            execution.setVariable(EnforcementVariables.PAYMENT_DEADLINE, rule.deadline().toString());
            execution.setVariable(REMEDY_PERIODS_END,
                    enforcements.remedyPeriodsEnd(servedOn, agency(execution)).toString());
            execution.setVariable(EnforcementVariables.DEMAND_SURCHARGE, Money.plain(surcharge));
            execution.setVariable(EnforcementVariables.DEMAND_TOTAL, Money.plain(rule.fine().add(surcharge)));
            execution.setVariable(EnforcementVariables.PERFORM_WITHIN, enforcements.demandPerformanceDays());
        };
    }

    // ---- helpers ----

    private void recordPayment(DelegateTask task, Step step) {
        var rule = latePayment(task);
        if (rule == null) {
            throw new IllegalStateException("案件没有已决定的罚款，不能登记缴纳");
        }
        PaymentRecord payment = PaymentRecord.read(task, rule, ProcessVariables.day(task.getVariable(DECIDED_ON)),
                ChinaTime.today());
        task.setVariable(EnforcementVariables.PAID_ON, payment.paidOn().toString());
        task.setVariable(SURCHARGE_AMOUNT, Money.plain(payment.surcharge()));
        String summary = (step == Step.PAYMENT ? "当事人" : "经催告，当事人") + payment.describe();
        task.setVariable(PERFORMANCE_SUMMARY, summary);
        task.setVariableLocal(RECORD_DETAIL, summary);
        finished(task, step);
    }

    /** The performance is recorded: the closure follows, and a return comes back to this step. */
    private static void finished(DelegateTask task, Step step) {
        task.setVariable(PARTY_PERFORMED, true);
        task.setVariable(PERFORMANCE_STEP, step.name());
        task.removeVariable(CLOSURE_RETURN_REASON);
    }

    private static boolean performed(DelegateTask task) {
        boolean performed = ProcessVariables.isTrue(task, PARTY_PERFORMED);
        task.setVariable(PARTY_PERFORMED, performed);
        return performed;
    }

    private LatePayment latePayment(VariableScope scope) {
        LocalDate servedOn = ProcessVariables.day(scope.getVariable(SERVED_ON));
        var caseId = ProcessVariables.uuid(scope, ProcessVariables.CASE_ID);
        if (servedOn == null || caseId == null) {
            return null;
        }
        return enforcements.latePayment(caseId, servedOn, agency(scope)).orElse(null);
    }

    private static String agency(VariableScope scope) {
        return ProcessVariables.string(scope, org.lawflow.casefile.CaseFlows.VAR_AGENCY_ID);
    }

    private static String required(DelegateTask task, String field, String message) {
        String value = PaymentRecord.text(field, task.getVariable(field));
        if (value == null) {
            throw new InvalidInputException(field, message);
        }
        return value;
    }

    /** A day that has come, and not before the day in variable {@code after} (named {@code afterName}), if any. */
    private static LocalDate pastDay(DelegateTask task, String field, String missing, String after, String afterName) {
        LocalDate date = InputChecks.parseDate(field, task.getVariable(field));
        if (date == null) {
            throw new InvalidInputException(field, missing);
        }
        InputChecks.pastDate(field, date);
        if (date.isAfter(ChinaTime.today())) {
            throw new InvalidInputException(field, "日期" + day(date) + "晚于今天，尚未发生的不能登记");
        }
        LocalDate earliest = after == null ? null : ProcessVariables.day(task.getVariable(after));
        if (earliest != null && date.isBefore(earliest)) {
            throw new InvalidInputException(field, "日期" + day(date) + "早于" + afterName + "（" + day(earliest) + "）");
        }
        return date;
    }

    private static String day(LocalDate date) {
        return ChinaTimeFormat.documentDate(date);
    }
}
