package org.lawflow.hearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawflow.ProcessTestEngine;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.review.RecordingDelegate;
import org.lawflow.system.InvalidInputException;

/**
 * Every path of hearing-notice with the real BPMN and the real listeners (on an in-memory case file);
 * documents and mail are recorded by doubles; the deadlines are the real statutory calendar (bundled data
 * file). The clock starts on Monday 2026-11-02, 10:00 in China.
 */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = "bpmn/hearing-notice.bpmn")
class HearingNoticeProcessTest {

    static final String CASE_ID = FakeHearingRecords.CASE.id();
    static final String CASE_NO = FakeHearingRecords.CASE.caseNo();

    final List<String> calls = new ArrayList<>();
    final FakeHearingRecords records = new FakeHearingRecords();

    @BeforeEach
    void setUp(ProcessEngine engine) {
        ClockUtil.setCurrentTime(date("2026-11-02T10:00:00+08:00"));
        Mocks.register("deadlines", StatutoryDeadlines.fromDataFile());
        Mocks.register("generateDocumentDelegate", new RecordingDelegate("doc", calls));
        Mocks.register("sendMailDelegate", new RecordingDelegate("mail", calls));
        org.lawflow.RecordingReminder.register(calls);
        Mocks.register("hearingStartListener", new HearingStartListener(records));
        Mocks.register("notificationDeliveryGuard", new NotificationDeliveryGuard(records));
        Mocks.register("hearingRequestGuard", new HearingRequestGuard(records));
        Mocks.register("hostAppointmentGuard", new HostAppointmentGuard(records));
        Mocks.register("recusalDecisionGuard", new RecusalDecisionGuard(records));
        Mocks.register("hearingScheduleGuard", new HearingScheduleGuard(records));
        Mocks.register("hearingRecordGuard", new HearingRecordGuard(records));
        Mocks.register("hearingNoticeServiceGuard", new HearingNoticeServiceGuard(records));
        Mocks.register("hearingNoticeTimeliness", new HearingNoticeTimeliness(records));
        Mocks.register("hearingReportGuard", new HearingReportGuard(records));
        var outcomes = new HearingOutcomeDelegates();
        Mocks.register("hearingWaiverRecordDelegate", outcomes.hearingWaiverRecordDelegate(records));
        Mocks.register("hearingHeldRecordDelegate", outcomes.hearingHeldRecordDelegate(records));
        Mocks.register("hearingTerminationRecordDelegate", outcomes.hearingTerminationRecordDelegate(records));
        var ids = engine.getIdentityService();
        ids.saveGroup(ids.newGroup("hearing-host"));
        for (String[] u : new String[][] {{"chenjing", "陈静"}, {"wuqing", "吴青"}}) {
            var user = ids.newUser(u[0]);
            user.setFirstName(u[1]);
            user.setLastName("");
            ids.saveUser(user);
            ids.createMembership(u[0], "hearing-host");
        }
    }

    @AfterEach
    void tearDown(ProcessEngine engine) {
        Mocks.reset();
        ClockUtil.reset();
        var ids = engine.getIdentityService();
        ids.deleteUser("chenjing");
        ids.deleteUser("wuqing");
        ids.deleteGroup("hearing-host");
        ids.clearAuthentication();
    }

    static Date date(String iso) {
        return Date.from(OffsetDateTime.parse(iso).toInstant());
    }

    /** Called from the review: the 违法行为通知书 with the hearing clause was delivered on the given day. */
    private ProcessInstance startCalled(String deliveredOn) {
        var pi = runtimeService().startProcessInstanceByKey("hearing-notice", CASE_NO,
                withVariables("caseId", CASE_ID, "caseNo", CASE_NO, "agencyId", "xining", "noticeDeliveredOn",
                        deliveredOn));
        runJobs(pi);
        return pi;
    }

    private void runJobs(ProcessInstance pi) {
        for (int i = 0; i < 20; i++) {
            var jobs = managementService().createJobQuery().processInstanceId(pi.getId()).messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> managementService().executeJob(j.getId()));
        }
    }

    private void fireTimer(ProcessInstance pi, String timerId) {
        var job = managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(timerId)
                .singleResult();
        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
        managementService().executeJob(job.getId());
        runJobs(pi);
    }

    /** Fires the deadline reminder of the task (its timeout listener), which must be due at the task's due date. */
    private void fireReminder(ProcessInstance pi, String taskId) {
        var job = managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(taskId)
                .singleResult();
        assertThat(job.getDuedate()).isEqualTo(task().getDueDate());
        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
        managementService().executeJob(job.getId());
        runJobs(pi);
    }

    private void requestByMessage() {
        runtimeService().createMessageCorrelation("HearingRequested").processInstanceBusinessKey(CASE_NO)
                .setVariable("hearingRequested", true).setVariable("hearingRequestedOn", "2026-11-04")
                .correlate();
    }

    private ProcessInstance requestedAndAppointed(String host) {
        var pi = startCalled("2026-11-02");
        requestByMessage();
        assertThat(pi).isWaitingAt("Task_AppointHost");
        assertThat(task()).hasCandidateGroup("agency-head");
        assertThat(task().getDueDate()).isNotNull();
        complete(task(), withVariables("hearingHost", host, "noteTaker", "wangfang"));
        assertThat(pi).isWaitingAt("Task_ScheduleHearing");
        assertThat(task()).isAssignedTo(host);
        return pi;
    }

    private void schedule(ProcessInstance pi) {
        complete(task(), withVariables("hearingAt", "2026-11-20T09:30", "hearingPlace", "支队三楼听证室",
                "hearingPublic", true, "partyAgents", "马建华"));
        runJobs(pi);
        assertThat(calls).contains("doc:HEARING_NOTICE", "mail:party");
        serve(pi, "2026-11-02", "DIRECT");
        assertThat(pi).isWaitingAt("Task_RecordHearing");
        assertThat(task().getDueDate()).isEqualTo(date("2026-11-23T23:59:59+08:00"));
    }

    /** Records the 听证通知书's service (the task after sending it). */
    private void serve(ProcessInstance pi, String servedOn, String method) {
        assertThat(pi).isWaitingAt("Task_RecordHearingNoticeService");
        assertThat(task()).hasCandidateUser("zhangwei");
        complete(task(), withVariables("hearingNoticeServedOn", servedOn, "hearingNoticeServiceMethod", method,
                "hearingNoticeReceiptNo", "SD-2026-001"));
    }

    /** The clock on the scheduled day of the hearing, 2026-11-20 09:30 in China. */
    private static void onHearingDay() {
        ClockUtil.setCurrentTime(date("2026-11-20T09:30:00+08:00"));
    }

    @Test
    void requestInTimeByMessageGoesToTheHeadForAHost() {
        var pi = startCalled("2026-11-02");
        assertThat(pi).hasNotPassed("Task_GenerateHearingNotification");
        assertThat(calls).containsExactly("mail:party");
        assertThat(pi).isWaitingAt("Task_AwaitHearingRequest");
        assertThat(task()).hasCandidateUser("zhangwei").hasCandidateUser("liqiang");
        Date deadline = date("2026-11-09T23:59:59+08:00");
        assertThat(task().getDueDate()).isEqualTo(deadline);
        assertThat(pi).variables().containsEntry("hearingRequestDeadline", deadline);
        assertThat(managementService().createJobQuery().timers().activityId("Timer_RequestWindow").singleResult()
                .getDuedate()).isEqualTo(deadline);
        requestByMessage();
        assertThat(pi).isWaitingAt("Task_AppointHost").variables().containsEntry("hearingRequested", true);
    }

    @Test
    void officerRecordsARequestInTimeButALateOneIsRefused() {
        var pi = startCalled("2026-11-02");
        assertThat(pi).isWaitingAt("Task_AwaitHearingRequest");
        ClockUtil.setCurrentTime(date("2026-11-10T09:00:00+08:00"));
        assertThatThrownBy(() -> complete(task(), withVariables("partyResponse", "REQUESTED",
                "hearingRequestedOn", "2026-11-10", "hearingRequestChannel", "WRITTEN")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("逾期申请")
                .hasMessageContaining("2026年11月9日");
        complete(task(), withVariables("partyResponse", "REQUESTED", "hearingRequestedOn", "2026-11-09",
                "hearingRequestChannel", "MAIL", "hearingRequestNote", "11月9日邮寄，邮戳为证"));
        assertThat(pi).isWaitingAt("Task_AppointHost").variables().containsEntry("hearingRequested", true);
        assertThat(records.requests).containsExactly("ACCEPTED|2026-11-09|MAIL|system");
    }

    @Test
    void noRequestWithinTheWindowIsWaived() {
        var pi = startCalled("2026-11-02");
        fireTimer(pi, "Timer_RequestWindow");
        assertThat(pi).isEnded().hasPassed("Task_RecordWaiver", "End_Waived");
        assertThat(pi).variables().containsEntry("hearingOutcome", "WAIVED").containsEntry("hearingRequested", false);
        assertThat(records.events).anyMatch(e -> e.contains("WAIVED") && e.contains("2026年11月9日"));
    }

    @Test
    void aRequestRecordedInTimeButNotProcessedIsNeverReadAsWaived() {
        var pi = startCalled("2026-11-02");
        records.undecidedRequest = true;
        var job = managementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId("Timer_RequestWindow").singleResult();
        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
        assertThatThrownBy(() -> managementService().executeJob(job.getId()))
                .hasMessageContaining("不能视为放弃听证");
        assertThat(pi).isNotEnded().isWaitingAt("Task_AwaitHearingRequest");
        assertThat(records.events).noneMatch(e -> e.contains("WAIVED"));
    }

    @Test
    void expressWaiverNeedsTheStatementAndEndsAsWaived() {
        var pi = startCalled("2026-11-02");
        assertThat(pi).isWaitingAt("Task_AwaitHearingRequest");
        assertThatThrownBy(() -> complete(task(), withVariables("partyResponse", "WAIVED",
                "hearingRequestChannel", "WRITTEN"))).hasMessageContaining("书面声明");
        // no request channel for a waiver (#29)
        complete(task(), withVariables("partyResponse", "WAIVED", "hearingRequestNote", "当事人书面声明放弃听证"));
        assertThat(pi).isEnded().variables().containsEntry("hearingOutcome", "WAIVED");
    }

    @Test
    void standaloneStartGeneratesTheNotificationAndRemindsOfDelivery() {
        var pi = runtimeService().startProcessInstanceByKey("hearing-notice", withVariables("caseNo", CASE_NO));
        assertThat(pi.getBusinessKey()).isEqualTo(CASE_NO);
        assertThat(pi).variables().containsEntry("caseId", CASE_ID).containsEntry("caseOfficers", "liqiang,zhangwei");
        runJobs(pi);
        assertThat(calls).containsExactly("doc:HEARING_NOTIFICATION");
        assertThat(pi).isWaitingAt("Task_RecordNotificationDelivery");
        assertThat(task()).hasCandidateUser("zhangwei");
        fireReminder(pi, "Task_RecordNotificationDelivery");
        assertThat(calls).as("the officers the task is offered to").anyMatch(c -> c.startsWith("reminder:")
                && c.contains("user:liqiang") && c.contains("user:zhangwei") && c.endsWith(":deadline-reminder"));
        assertThat(pi).isWaitingAt("Task_RecordNotificationDelivery");
        complete(task(), withVariables("noticeDeliveredOn", "2026-11-03", "deliveryMethod", "DIRECT"));
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_AwaitHearingRequest")
                .variables().containsEntry("hearingRequestDeadline", date("2026-11-10T23:59:59+08:00"));
    }

    @Test
    void anInvestigatorOrANonHostCannotChairTheHearing() {
        var pi = startCalled("2026-11-02");
        requestByMessage();
        assertThat(pi).isWaitingAt("Task_AppointHost");
        assertThatThrownBy(() -> complete(task(), withVariables("hearingHost", "zhangwei")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("本案的调查人员，不得主持听证");
        assertThatThrownBy(() -> complete(task(), withVariables("hearingHost", "wangfang")))
                .hasMessageContaining("不是本机构的听证主持人");
        assertThatThrownBy(() -> complete(task(), withVariables("hearingHost", "chenjing", "noteTaker", "liqiang")))
                .hasMessageContaining("记录员不得由本案调查人员担任");
        assertThat(pi).isWaitingAt("Task_AppointHost");
        complete(task(), withVariables("hearingHost", "chenjing"));
        assertThat(pi).isWaitingAt("Task_ScheduleHearing").variables().containsEntry("hearingHostName", "陈静");
    }

    @Test
    void grantedRecusalSendsTheCaseBackForAnotherHost() {
        var pi = requestedAndAppointed("chenjing");
        runtimeService().createMessageCorrelation("HearingRecusalRequested").processInstanceBusinessKey(CASE_NO)
                .setVariable("recusalReason", "主持人与当事人有亲属关系").correlate();
        assertThat(pi).isWaitingAt("Task_DecideRecusal");
        assertThat(task()).hasCandidateGroup("agency-head");
        complete(task(), withVariables("recusalDecision", "GRANTED", "recusalDecisionReasons", "经核实属实"));
        assertThat(pi).isWaitingAt("Task_AppointHost");
        assertThatThrownBy(() -> complete(task(), withVariables("hearingHost", "chenjing")))
                .hasMessageContaining("已被决定回避");
        complete(task(), withVariables("hearingHost", "wuqing"));
        assertThat(pi).isWaitingAt("Task_ScheduleHearing");
        assertThat(task()).isAssignedTo("wuqing");
    }

    @Test
    void rejectedRecusalReturnsToScheduling() {
        var pi = requestedAndAppointed("chenjing");
        runtimeService().createMessageCorrelation("HearingRecusalRequested").processInstanceBusinessKey(CASE_NO)
                .setVariable("recusalReason", "无具体理由").correlate();
        assertThat(pi).isWaitingAt("Task_DecideRecusal");
        assertThat(task().getDueDate()).isNotNull();
        // the head lets the decision's date pass: head and supervisor are reminded, the decision stays open
        fireReminder(pi, "Task_DecideRecusal");
        assertThat(calls).contains("reminder:group:agency-head,group:supervisor:deadline-reminder");
        assertThat(pi).isWaitingAt("Task_DecideRecusal");
        complete(task(), withVariables("recusalDecision", "REJECTED", "recusalDecisionReasons", "理由不成立"));
        assertThat(pi).isWaitingAt("Task_ScheduleHearing");
        assertThat(task()).isAssignedTo("chenjing");
    }

    @Test
    void anExcusedAbsenceIsPostponedAndTheHearingRescheduled() {
        var pi = requestedAndAppointed("chenjing");
        schedule(pi);
        complete(task(), withVariables("attendance", "EXCUSED", "attendanceNote", "当事人因病住院，提交了医院证明"));
        // 行政处罚法第六十四条第八项 only deems an absence *without* good reason a waiver: schedule again
        assertThat(pi).isWaitingAt("Task_ScheduleHearing");
        assertThat(task()).isAssignedTo("chenjing");
        assertThat(pi).isNotEnded();
        schedule(pi);
        assertThat(pi).isWaitingAt("Task_RecordHearing");
    }

    @Test
    void scheduleIsCheckedAndAnAbsentPartyTerminatesTheHearing() {
        var pi = requestedAndAppointed("chenjing");
        assertThat(runtimeService().getVariable(task().getExecutionId(), "hearingHost")).isEqualTo("chenjing");
        assertThatThrownBy(() -> complete(task(), withVariables("hearingAt", "2026-11-10T09:00",
                "hearingPlace", "听证室", "hearingPublic", true)))
                .hasMessageContaining("听证日期最早为2026年11月11日");
        assertThatThrownBy(() -> complete(task(), withVariables("hearingAt", "2026-11-20T09:00",
                "hearingPlace", "听证室", "hearingPublic", false)))
                .hasMessageContaining("不公开的，须选择理由");
        assertThatThrownBy(() -> complete(task(), withVariables("hearingAt", "2026-11-20T09:00",
                "hearingPlace", "听证室", "hearingPublic", true, "partyAgents", "甲\n乙\n丙")))
                .hasMessageContaining("一至二人代理");
        schedule(pi);
        onHearingDay();
        complete(task(), withVariables("attendance", "ABSENT", "attendanceNote", "经电话联系，当事人表示不来"));
        assertThat(pi).isEnded().hasPassed("Task_RecordTermination", "End_Terminated");
        assertThat(pi).variables().containsEntry("hearingOutcome", "TERMINATED").containsEntry("hearingRequested", true);
        assertThat(calls).doesNotContain("doc:HEARING_RECORD");
    }

    @Test
    void fullHearingProducesRecordAndReport() {
        var pi = requestedAndAppointed("chenjing");
        schedule(pi);
        assertThat(pi).variables().containsEntry("hearingAt", "2026-11-20T09:30").containsEntry("hearingPublic", true);
        // issue #29: a hearing set for 11-20 could be recorded (笔录 and 报告 dated) on 11-02
        ClockUtil.setCurrentTime(date("2026-11-19T17:00:00+08:00"));
        assertThatThrownBy(() -> complete(task(), withVariables("attendance", "PRESENT", "investigatorStatement",
                "事实与证据", "partyDefence", "经营困难", "crossExamination", "对证据无异议", "partySigned", true)))
                .hasMessageContaining("听证定于2026年11月20日举行").rootCause()
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("hearingAt");
        assertThatThrownBy(() -> complete(task(), withVariables("attendance", "ABSENT", "attendanceNote", "未到")))
                .hasMessageContaining("请在听证日期当日或之后记录");
        onHearingDay();
        assertThatThrownBy(() -> complete(task(), withVariables("attendance", "PRESENT", "investigatorStatement",
                "事实与证据", "partyDefence", "经营困难", "crossExamination", "对证据无异议", "partySigned", false)))
                .hasMessageContaining("主持人在笔录中注明");
        complete(task(), withVariables("attendance", "PRESENT", "investigatorStatement", "事实与证据",
                "partyDefence", "经营困难", "crossExamination", "对证据无异议", "partySigned", true));
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_WriteHearingReport");
        complete(task(), withVariables("hearingOpinion", "事实清楚，证据充分，建议维持拟处罚决定"));
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("Task_RecordHeld", "End_Held");
        assertThat(calls).containsSubsequence("doc:HEARING_NOTICE", "doc:HEARING_RECORD", "doc:HEARING_REPORT");
        assertThat(pi).variables().containsEntry("hearingOutcome", "HELD").containsEntry("hearingRequested", true);
    }

    /**
     * 行政处罚法第八十五条: the five working days do not count the National Day holidays. Delivered Tuesday
     * 2026-09-29: 9.30 (1), 10.1–10.7 holiday, 10.8 (2), 10.9 (3), Saturday 10.10 make-up workday (4),
     * 10.12 (5) → the window closes at the end of Monday 2026-10-12.
     */
    @Test
    void requestWindowAcrossNationalDayEndsOnTheFifthWorkingDay() {
        ClockUtil.setCurrentTime(date("2026-09-29T16:00:00+08:00"));
        var pi = startCalled("2026-09-29");
        assertThat(pi).isWaitingAt("Task_AwaitHearingRequest");
        Date deadline = date("2026-10-12T23:59:59+08:00");
        assertThat(task().getDueDate()).isEqualTo(deadline);
        assertThat(managementService().createJobQuery().timers().activityId("Timer_RequestWindow").singleResult()
                .getDuedate()).isEqualTo(deadline);
        ClockUtil.setCurrentTime(date("2026-10-12T17:00:00+08:00"));
        complete(task(), withVariables("partyResponse", "REQUESTED", "hearingRequestedOn", "2026-10-12",
                "hearingRequestChannel", "WRITTEN"));
        assertThat(pi).isWaitingAt("Task_AppointHost");
        complete(task(), withVariables("hearingHost", "chenjing"));
        // the 听证通知书 goes out on 10.12: seven working days later is Wednesday 10.21
        assertThatThrownBy(() -> complete(task(), withVariables("hearingAt", "2026-10-20T09:00",
                "hearingPlace", "听证室", "hearingPublic", true))).hasMessageContaining("最早为2026年10月21日");
        complete(task(), withVariables("hearingAt", "2026-10-21T09:00", "hearingPlace", "听证室", "hearingPublic", true));
        runJobs(pi);
        serve(pi, "2026-10-12", "DIRECT");
        assertThat(pi).isWaitingAt("Task_RecordHearing");
    }

    @Test
    void noRequestAcrossNationalDayIsWaivedOnlyAfterTheTwelfth() {
        ClockUtil.setCurrentTime(date("2026-09-29T16:00:00+08:00"));
        var pi = startCalled("2026-09-29");
        ClockUtil.setCurrentTime(date("2026-10-09T12:00:00+08:00"));
        assertThat(managementService().createJobQuery().timers().executable().count()).isZero();
        fireTimer(pi, "Timer_RequestWindow");
        assertThat(pi).isEnded().variables().containsEntry("hearingOutcome", "WAIVED");
    }

    /**
     * The seven working days run from the recorded service, not from scheduling (#29): scheduled on Monday 09-28 for
     * 10-13 (9.29, 9.30, 10.8, 10.9, Saturday 10.10, 10.12, 10.13), but served only on 09-30, so the seventh working
     * day is 10-15 (10.8, 10.9, 10.10, 10.12, 10.13, 10.14, 10.15): back to the host with the reason.
     */
    @Test
    void aNoticeServedTooLateAcrossNationalDaySendsTheHearingBackToScheduling() {
        ClockUtil.setCurrentTime(date("2026-09-28T10:00:00+08:00"));
        var pi = requestedAndAppointed("chenjing");
        complete(task(), withVariables("hearingAt", "2026-10-13T09:00", "hearingPlace", "听证室", "hearingPublic", true));
        runJobs(pi);
        ClockUtil.setCurrentTime(date("2026-09-30T16:00:00+08:00"));
        assertThatThrownBy(() -> complete(task(), withVariables("hearingNoticeServedOn", "2026-10-01",
                "hearingNoticeServiceMethod", "DIRECT"))).hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("晚于今天");
        assertThatThrownBy(() -> complete(task(), withVariables("hearingNoticeServedOn", "2026-09-27",
                "hearingNoticeServiceMethod", "DIRECT"))).hasMessageContaining("早于听证通知书的制作日期");
        assertThatThrownBy(() -> complete(task(), withVariables("hearingNoticeServedOn", "2026-09-30",
                "hearingNoticeServiceMethod", "ELECTRONIC"))).hasMessageContaining("第六十一条第二款");
        serve(pi, "2026-09-30", "DIRECT");
        assertThat(pi).isWaitingAt("Task_ScheduleHearing").variables()
                .containsEntry("hearingNoticeInTime", false)
                .containsEntry("hearingNoticeEffectiveOn", "2026-09-30");
        assertThat((String) runtimeService().getVariable(pi.getId(), "rescheduleReason"))
                .contains("2026年10月13日", "不足七个工作日", "不早于2026年10月15日");
        assertThat(task()).isAssignedTo("chenjing");
        complete(task(), withVariables("hearingAt", "2026-10-15T09:00", "hearingPlace", "听证室", "hearingPublic", true));
        runJobs(pi);
        serve(pi, "2026-09-30", "DIRECT");
        assertThat(pi).isWaitingAt("Task_RecordHearing").variables().containsEntry("hearingNoticeInTime", true);
        assertThat(records.events).anyMatch(e -> e.contains("听证通知书送达过晚"))
                .anyMatch(e -> e.contains("送达回证编号：SD-2026-001"));
    }

    /** 公告送达 takes effect thirty days after publication: the seven working days count from then. */
    @Test
    void aPublicNoticeCountsFromThirtyDaysAfterPublication() {
        var pi = requestedAndAppointed("chenjing");
        complete(task(), withVariables("hearingAt", "2026-11-20T09:30", "hearingPlace", "听证室", "hearingPublic", true));
        runJobs(pi);
        serve(pi, "2026-11-02", "PUBLIC");
        // effective 12-02 (Wednesday); seven working days later is Friday 12-11
        assertThat(pi).isWaitingAt("Task_ScheduleHearing").variables()
                .containsEntry("hearingNoticeEffectiveOn", "2026-12-02");
        assertThat((String) runtimeService().getVariable(pi.getId(), "rescheduleReason")).contains("不早于2026年12月11日");
    }

    @Test
    void aMailedRequestPostedInTimeIsInTime() {
        var pi = startCalled("2026-11-02");
        assertThat(pi).isWaitingAt("Task_AwaitHearingRequest");
        ClockUtil.setCurrentTime(date("2026-11-11T09:00:00+08:00"));
        assertThatThrownBy(() -> complete(task(), withVariables("partyResponse", "REQUESTED",
                "hearingRequestedOn", "2026-11-11", "hearingRequestChannel", "MAIL",
                "hearingRequestPostmarkedOn", "2026-11-10"))).hasMessageContaining("邮戳日期2026年11月10日晚于听证申请期限");
        assertThatThrownBy(() -> complete(task(), withVariables("partyResponse", "REQUESTED",
                "hearingRequestedOn", "2026-11-08", "hearingRequestChannel", "MAIL",
                "hearingRequestPostmarkedOn", "2026-11-09"))).hasMessageContaining("晚于收到申请的日期");
        complete(task(), withVariables("partyResponse", "REQUESTED", "hearingRequestedOn", "2026-11-11",
                "hearingRequestChannel", "MAIL", "hearingRequestPostmarkedOn", "2026-11-09"));
        assertThat(pi).isWaitingAt("Task_AppointHost").variables()
                .containsEntry("hearingRequestPostmarkedOn", "2026-11-09");
        assertThat(records.events).anyMatch(e -> e.contains("在途时间不计入期间"));
    }

    @Test
    void aNotificationByEmailWithoutConsentIsNoService() {
        var pi = runtimeService().startProcessInstanceByKey("hearing-notice", withVariables("caseNo", CASE_NO));
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_RecordNotificationDelivery");
        assertThatThrownBy(() -> complete(task(), withVariables("noticeDeliveredOn", "2026-11-02",
                "deliveryMethod", "ELECTRONIC"))).rootCause().isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("noticeElectronicConsent");
        complete(task(), withVariables("noticeDeliveredOn", "2026-11-02", "deliveryMethod", "ELECTRONIC",
                "noticeElectronicConsent", true));
        assertThat(pi).isWaitingAt("Task_AwaitHearingRequest")
                .variables().containsEntry("hearingRequestDeadline", date("2026-11-09T23:59:59+08:00"));
    }
}
