package org.lawflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawflow.ProcessTestEngine;
import org.lawflow.RecordingReminder;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.casefile.PenaltyHistory;
import org.lawflow.casefile.PenaltyRevision;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.InvalidInputException;

/**
 * Every path of penalty-enforcement with the real BPMN and the real step checks; the decided penalty comes from a
 * stubbed penalty history, documents and the closing delegate are recorded. The clock is fixed: the decision of
 * Monday 2026-11-23 is served on 2026-11-24, so the fine is due on Wednesday 2026-12-09 (fifteen days) and the remedy
 * periods end on Monday 2027-05-24 (six months).
 */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = {"bpmn/penalty-enforcement.bpmn", "forms/record-payment.form", "forms/record-performance.form",
        "forms/record-demand-service.form", "forms/apply-court-enforcement.form", "forms/record-enforcement-result.form",
        "forms/approve-closure.form"})
class PenaltyEnforcementProcessTest {

    static final String CASE_ID = "00000000-0000-0000-0000-000000000007";
    static final String CASE_NO = "宁交执罚〔2026〕7号";
    static final LocalDate PAYMENT_DEADLINE = LocalDate.of(2026, 12, 9);
    static final LocalDate REMEDY_END = LocalDate.of(2027, 5, 24);

    final List<String> calls = new ArrayList<>();
    final PenaltyHistory penalties = mock(PenaltyHistory.class);

    @BeforeEach
    void registerBeans() {
        at(LocalDate.of(2026, 11, 24));
        var deadlines = StatutoryDeadlines.fromDataFile();
        Mocks.register("deadlines", deadlines);
        RecordingReminder.register(calls);
        var steps = new EnforcementSteps(new Enforcements(penalties, deadlines));
        Mocks.register("paymentTaskHeader", steps.paymentTaskHeader());
        Mocks.register("paymentGuard", steps.paymentGuard());
        Mocks.register("demandServiceGuard", steps.demandServiceGuard());
        Mocks.register("courtApplicationGuard", steps.courtApplicationGuard());
        Mocks.register("enforcementResultGuard", steps.enforcementResultGuard());
        Mocks.register("performanceGuard", steps.performanceGuard());
        Mocks.register("closureApprovalGuard", steps.closureApprovalGuard());
        Mocks.register("demandPreparationDelegate", steps.demandPreparationDelegate());
        Mocks.register("generateDocumentDelegate", new org.lawflow.review.RecordingDelegate("doc", calls));
        Mocks.register("caseClosureDelegate", (JavaDelegate) e -> calls.add("caseClosureDelegate"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        org.lawflow.TestClock.restore();
    }

    /** 09:00 in Beijing on {@code day}. */
    private static void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(9, 0)).atZone(ChinaTime.ZONE).toInstant()));
    }

    private void decidedFine(int fine) {
        when(penalties.decided(UUID.fromString(CASE_ID))).thenReturn(Optional.of(new PenaltyRevision(
                PenaltyRevision.Stage.HEAD_DECISION, PenaltyRevision.FINE, BigDecimal.valueOf(fine),
                "罚款" + fine + "元", "zhaomin", OffsetDateTime.now(), "同意")));
    }

    private ProcessInstance start(boolean withFine) {
        return runtimeService().startProcessInstanceByKey("penalty-enforcement", CASE_NO,
                withVariables("caseId", CASE_ID, "caseNo", CASE_NO, "agencyId", "xining", "leadOfficer", "zhangwei",
                        "decidedOn", "2026-11-23", "servedOn", "2026-11-24", "withFine", withFine));
    }

    private void runJobs(ProcessInstance pi) {
        for (int i = 0; i < 10; i++) {
            var jobs = managementService().createJobQuery().processInstanceId(pi.getId()).messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> managementService().executeJob(j.getId()));
        }
    }

    private static Map<String, Object> paid(String on, Object amount) {
        return withVariables("paidOn", on, "paidAmount", amount, "paymentReceiptNo", "QH-2026-0001", "paymentNote", "");
    }

    /** The refusal of the completion, from the guard; fails if the engine accepted it. */
    private static InvalidInputException refused(Task task, Map<String, Object> variables) {
        try {
            taskService().complete(task.getId(), variables);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InvalidInputException invalid) {
                    return invalid;
                }
            }
            throw e;
        }
        throw new AssertionError("accepted: " + variables);
    }

    private List<Job> timers(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).timers().orderByJobDuedate().asc()
                .list();
    }

    private Object variable(ProcessInstance pi, String name) {
        return runtimeService().getVariable(pi.getId(), name);
    }

    private void approveClosure(ProcessInstance pi) {
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_ApproveClosure");
        assertThat(task(pi)).hasCandidateGroup("agency-head");
        complete(task(pi), withVariables("closureDecision", "APPROVE", "closureOpinion", ""));
        assertThat(pi).hasPassed("Task_CloseCase").isEnded();
        assertThat(calls).contains("doc:CLOSURE_REPORT", "caseClosureDelegate");
    }

    @Test
    void aFinePaidInTimeIsClosedWithoutSurcharge() {
        decidedFine(20000);
        var pi = start(true);
        assertThat(pi).isWaitingAt("Task_RecordPayment");
        Task payment = task(pi);
        assertThat(payment).isAssignedTo("zhangwei");
        assertThat(payment.getDueDate()).isEqualTo(Date.from(PAYMENT_DEADLINE.atTime(23, 59, 59)
                .atZone(ChinaTime.ZONE).toInstant()));
        assertThat(taskService().getVariablesLocal(payment.getId())).containsEntry("headerFine", "20000元")
                .containsEntry("headerPaymentDeadline", "2026年12月9日")
                .containsEntry("headerSurchargeCeiling", "0元（未逾期）");
        at(LocalDate.of(2026, 12, 1));
        complete(payment, paid("2026-12-01", 20000));
        assertThat(variable(pi, "performanceSummary").toString()).contains("当事人2026年12月1日缴纳20000元", "加处罚款0元",
                "QH-2026-0001");
        assertThat(variable(pi, "surchargeAmount")).isEqualTo("0");
        approveClosure(pi);
        assertThat(calls).doesNotContain("doc:ENFORCEMENT_DEMAND");
    }

    @Test
    void theDeadlineRemindsTheOfficerAndALatePaymentMayCarryTheSurchargeUpToItsCeiling() {
        decidedFine(20000);
        var pi = start(true);
        List<Job> timers = timers(pi);
        assertThat(timers).hasSize(2);
        assertThat(timers.get(0).getDuedate()).as("the reminder at the payment deadline")
                .isEqualTo(Date.from(PAYMENT_DEADLINE.atTime(23, 59, 59).atZone(ChinaTime.ZONE).toInstant()));
        assertThat(timers.get(1).getDuedate()).as("the remedy periods end")
                .isEqualTo(Date.from(REMEDY_END.atTime(23, 59, 59).atZone(ChinaTime.ZONE).toInstant()));
        at(PAYMENT_DEADLINE.plusDays(1));
        managementService().executeJob(timers.get(0).getId());
        assertThat(calls).containsExactly("reminder:var:leadOfficer:deadline-reminder");
        assertThat(pi).as("the reminder does not interrupt").isWaitingAt("Task_RecordPayment");

        // paid three days late: 3 % × 3 days of 20,000 元 = 1,800 元 at most
        at(LocalDate.of(2026, 12, 12));
        var tooMuch = refused(task(pi), paid("2026-12-12", 21800.01));
        assertThat(tooMuch.field()).isEqualTo("paidAmount");
        assertThat(tooMuch.getMessage()).contains("21800元", "1800元（逾期3日）", "第七十二条第一款");
        complete(task(pi), paid("2026-12-12", 21800));
        assertThat(variable(pi, "surchargeAmount")).isEqualTo("1800");
        assertThat(variable(pi, "performanceSummary").toString()).contains("加处罚款1800元", "逾期3日");
        approveClosure(pi);
    }

    @Test
    void theSurchargeIsDiscretionaryAndNeverMoreThanTheFine() {
        decidedFine(20000);
        var pi = start(true);
        at(LocalDate.of(2026, 12, 12));
        complete(task(pi), paid("2026-12-12", 20900));
        assertThat(variable(pi, "surchargeAmount")).as("less than the ceiling is accepted").isEqualTo("900");

        var late = new LatePayment(new BigDecimal("20000"), PAYMENT_DEADLINE);
        assertThat(late.ceiling(PAYMENT_DEADLINE)).isEqualByComparingTo("0");
        assertThat(late.ceiling(PAYMENT_DEADLINE.plusDays(33))).isEqualByComparingTo("19800");
        assertThat(late.ceiling(PAYMENT_DEADLINE.plusDays(34))).as("capped at the fine").isEqualByComparingTo("20000");
        assertThat(late.describeCeiling(PAYMENT_DEADLINE.plusDays(40))).isEqualTo("20000元（逾期40日，已达罚款数额上限）");
        assertThat(new LatePayment(new BigDecimal("333"), PAYMENT_DEADLINE).ceiling(PAYMENT_DEADLINE.plusDays(1)))
                .as("rounded down to the 分").isEqualByComparingTo("9.99");
    }

    @Test
    void wrongPaymentsAreRefusedNamingTheField() {
        decidedFine(20000);
        var pi = start(true);
        at(LocalDate.of(2026, 12, 1));
        Task payment = task(pi);
        assertThat(refused(payment, paid("2026-12-01", 19999.99)).getMessage()).contains("少于决定的罚款20000元");
        assertThat(refused(payment, paid("2026-12-02", 20000)).field()).as("in the future").isEqualTo("paidOn");
        assertThat(refused(payment, paid("2026-11-22", 20000)).getMessage()).contains("早于处罚决定日期");
        assertThat(refused(payment, paid("2026-12-01", 20000.01)).getMessage()).as("in time: no surcharge at all")
                .contains("超过罚款与加处罚款之和的上限20000元");
        assertThat(refused(payment, withVariables("paidOn", "2026-12-01", "paidAmount", 20000)).field())
                .isEqualTo("paymentReceiptNo");
        assertThat(refused(payment, withVariables("paidOn", "2026-12-01", "paymentReceiptNo", "1")).field())
                .isEqualTo("paidAmount");
        assertThat(pi).isWaitingAt("Task_RecordPayment");
    }

    /** Unpaid when the remedy periods end: the surcharge as of today, the 催告书, its service. */
    private ProcessInstance demanded() {
        decidedFine(20000);
        var pi = start(true);
        at(REMEDY_END.plusDays(1));
        managementService().executeJob(timers(pi).get(1).getId());
        runJobs(pi);
        assertThat(pi).hasPassed("Task_PrepareDemand", "Task_GenerateDemand").isWaitingAt("Task_RecordDemandService");
        assertThat(calls).contains("doc:ENFORCEMENT_DEMAND");
        assertThat(variable(pi, "demandSurcharge")).as("capped at the fine").isEqualTo("20000");
        assertThat(variable(pi, "demandTotal")).isEqualTo("40000");
        assertThat(variable(pi, "paymentDeadline")).isEqualTo("2026-12-09");
        assertThat(variable(pi, "remedyPeriodsEnd")).isEqualTo("2027-05-24");
        assertThat(variable(pi, "performWithinWorkdays")).isEqualTo(10);
        return pi;
    }

    @Test
    void unpaidAfterTheRemedyPeriodsTheDemandIsServedAndThePartyPays() {
        var pi = demanded();
        at(REMEDY_END.plusDays(3));
        complete(task(pi), withVariables("partyPerformed", true, "paidOn", REMEDY_END.plusDays(2).toString(), "paidAmount",
                30000, "paymentReceiptNo", "QH-2027-0099", "paymentNote", "加处罚款减半收取"));
        assertThat(variable(pi, "performanceSummary").toString()).contains("经催告，当事人", "加处罚款10000元",
                "加处罚款减半收取");
        approveClosure(pi);
        assertThat(pi).hasNotPassed("Task_ApplyCourtEnforcement");
    }

    @Test
    void unpaidAfterTheDemandTheCourtEnforcesAndTheCaseIsClosed() {
        var pi = demanded();
        at(REMEDY_END.plusDays(2));
        var early = refused(task(pi), withVariables("partyPerformed", false, "demandServedOn", REMEDY_END.toString(),
                "demandServiceMethod", "DIRECT"));
        assertThat(early.field()).as("before the 催告书 was made").isEqualTo("demandServedOn");
        complete(task(pi), withVariables("partyPerformed", false, "demandServedOn", REMEDY_END.plusDays(2).toString(),
                "demandServiceMethod", "DIRECT"));
        assertThat(pi).isWaitingAt("Timer_DemandPeriod");
        Job wait = timers(pi).get(0);
        var demandDeadline = StatutoryDeadlines.fromDataFile().due("DEMAND_PERFORMANCE", REMEDY_END.plusDays(2));
        assertThat(wait.getDuedate()).as("ten working days after service").isEqualTo(demandDeadline);
        at(LocalDate.of(2027, 6, 14));
        managementService().executeJob(wait.getId());
        assertThat(pi).isWaitingAt("Task_ApplyCourtEnforcement");
        assertThat(task(pi).getDueDate()).as("three months after the remedy periods end").isEqualTo(
                Date.from(LocalDate.of(2027, 8, 24).atTime(23, 59, 59).atZone(ChinaTime.ZONE).toInstant()));
        var tooEarly = refused(task(pi), withVariables("partyPerformed", false, "courtName", "西宁市城中区人民法院",
                "courtAppliedOn", REMEDY_END.toString()));
        assertThat(tooEarly.getMessage()).contains("第五十三条");
        complete(task(pi), withVariables("partyPerformed", false, "courtName", "西宁市城中区人民法院", "courtAppliedOn",
                "2027-06-14"));
        assertThat(pi).isWaitingAt("Task_RecordEnforcementResult");
        at(LocalDate.of(2027, 7, 1));
        assertThat(refused(task(pi), withVariables("courtRuledOn", "2027-06-30", "courtRuling", "ALLOWED",
                "enforcementResult", "已划拨")).field()).isEqualTo("recoveredAmount");
        complete(task(pi), withVariables("courtRuledOn", "2027-06-30", "courtRuling", "ALLOWED", "enforcementResult",
                "人民法院裁定准予执行，已从当事人账户划拨", "recoveredAmount", 40000));
        assertThat(variable(pi, "performanceSummary").toString()).contains("经申请西宁市城中区人民法院强制执行",
                "2027年6月30日裁定准予执行", "执行到位金额40000元");
        assertThat(variable(pi, "surchargeAmount")).isEqualTo("20000");
        approveClosure(pi);
    }

    @Test
    void aPenaltyWithoutAFineRecordsItsPerformanceThenCloses() {
        when(penalties.decided(UUID.fromString(CASE_ID))).thenReturn(Optional.of(new PenaltyRevision(
                PenaltyRevision.Stage.HEAD_DECISION, PenaltyRevision.PENALTY, null, "暂扣许可证件", "zhaomin",
                OffsetDateTime.now(), "同意")));
        var pi = start(false);
        assertThat(pi).isWaitingAt("Task_RecordPerformance");
        assertThat(task(pi)).isAssignedTo("zhangwei");
        at(LocalDate.of(2026, 11, 26));
        assertThat(refused(task(pi), withVariables("performedOn", "2026-11-25")).field()).isEqualTo("performanceNote");
        complete(task(pi), withVariables("performedOn", "2026-11-25", "performanceNote", "已暂扣道路运输证三个月"));
        approveClosure(pi);
        assertThat(pi).hasNotPassed("Task_RecordPayment");
        assertThat(timers(pi)).isEmpty();
    }

    @Test
    void theHeadReturnsTheClosureToTheOfficersLastStepWithTheReason() {
        decidedFine(20000);
        var pi = start(true);
        at(LocalDate.of(2026, 12, 1));
        complete(task(pi), paid("2026-12-01", 20000));
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_ApproveClosure");
        assertThat(refused(task(pi), withVariables("closureDecision", "RETURN", "closureOpinion", " ")).field())
                .isEqualTo("closureOpinion");
        complete(task(pi), withVariables("closureDecision", "RETURN", "closureOpinion", "缴款凭证号与银行回单不一致"));
        // the fine is paid: the correction has neither the payment reminder nor the timer that leads to 催告
        assertThat(pi).isWaitingAt("Task_CorrectPayment");
        assertThat(timers(pi)).isEmpty();
        assertThat(variable(pi, "closureReturnReason")).isEqualTo("缴款凭证号与银行回单不一致");
        complete(task(pi), withVariables("paidOn", "2026-12-01", "paidAmount", 20000, "paymentReceiptNo", "QH-2026-0002"));
        assertThat(variable(pi, "closureReturnReason")).isNull();
        assertThat(variable(pi, "performanceSummary").toString()).contains("QH-2026-0002");
        approveClosure(pi);
        assertThat(calls.stream().filter("doc:CLOSURE_REPORT"::equals)).as("a new report for the corrected record")
                .hasSize(2);
    }

    @Test
    void aPaidCaseReturnedAfterTheRemedyPeriodsIsCorrectedNotDemanded() {
        decidedFine(20000);
        var pi = start(true);
        at(LocalDate.of(2026, 12, 1));
        complete(task(pi), paid("2026-12-01", 20000));
        runJobs(pi);
        at(LocalDate.of(2027, 6, 15)); // the 6 months after service (2026-11-24) have run out
        complete(task(pi), withVariables("closureDecision", "RETURN", "closureOpinion", "请补充缴款凭证号"));
        assertThat(pi).isWaitingAt("Task_CorrectPayment");
        assertThat(timers(pi)).isEmpty();
        complete(task(pi), withVariables("paidOn", "2026-12-01", "paidAmount", 20000, "paymentReceiptNo", "QH-2026-0003"));
        approveClosure(pi);
        assertThat(pi).hasNotPassed("Task_PrepareDemand", "Task_GenerateDemand").isEnded();
        assertThat(calls).doesNotContain("doc:ENFORCEMENT_DEMAND");
    }

    @Test
    void aReturnedCourtEnforcementGoesBackToItsResult() {
        decidedFine(20000);
        var pi = start(true);
        runtimeService().createProcessInstanceModification(pi.getId()).startBeforeActivity("Task_RecordEnforcementResult")
                .cancelAllForActivity("Task_RecordPayment").execute();
        runtimeService().setVariables(pi.getId(), Map.of("courtName", "西宁市城中区人民法院", "courtAppliedOn", "2026-12-20"));
        at(LocalDate.of(2027, 1, 10));
        complete(task(pi), withVariables("courtRuledOn", "2027-01-05", "courtRuling", "DENIED", "enforcementResult",
                "人民法院裁定不予执行"));
        runJobs(pi);
        complete(task(pi), withVariables("closureDecision", "RETURN", "closureOpinion", "请写明不予执行的理由"));
        assertThat(pi).isWaitingAt("Task_RecordEnforcementResult");
    }
}
