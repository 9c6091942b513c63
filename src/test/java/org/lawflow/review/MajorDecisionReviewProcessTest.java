package org.lawflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.lawflow.ProcessTestEngine;
import org.lawflow.calendar.StatutoryDeadlines;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every path of major-decision-review with the real BPMN and DMN; delegates are recorded by test doubles
 * (their behaviour is tested in the Spring Boot flow test).
 */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = {"bpmn/major-decision-review.bpmn", "bpmn/decisions/major-decision-rules.dmn",
        "bpmn-test/hearing-notice-stub.bpmn"})
class MajorDecisionReviewProcessTest {

    /** What the delegates did, in order: "doc:KIND", "mail:recipients", "package:KIND", or the bean name. */
    final List<String> calls = new ArrayList<>();
    final Map<String, Object> caseFacts = new HashMap<>();

    /** Monday 2026-11-23 09:00 in Beijing: the deadlines below are counted on the real 2026 calendar from here. */
    static final Instant START = Instant.parse("2026-11-23T01:00:00Z");

    @BeforeEach
    void registerDoubles() {
        caseFacts.putAll(Map.of("largeAmount", false, "heavyPenalty", false, "majorPublicInterest", false,
                "socialImpact", false, "thirdPartyMajorInterest", false,
                "complexCase", false, "filedOn", "2026-11-20"));
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("deadlines", StatutoryDeadlines.fromDataFile());
        Mocks.register("reviewPreparationDelegate", (JavaDelegate) e -> {
            e.setVariables(caseFacts);
            e.setVariable("hearingOutcome", "NONE");
            e.setVariable("leadOfficer", "zhangwei");
        });
        Mocks.register("generateDocumentDelegate", recording("doc"));
        Mocks.register("sendMailDelegate", recording("mail"));
        org.lawflow.RecordingReminder.register(calls);
        Mocks.register("buildPackageDelegate", recording("package"));
        for (String name : List.of("decisionRecordDelegate", "noPenaltyDelegate", "reviewRejectedDelegate",
                "criminalTransferFromReviewDelegate", "penaltyEnforcementStartDelegate")) {
            Mocks.register(name, (JavaDelegate) e -> {
                calls.add(name);
                if (name.equals("decisionRecordDelegate")) {
                    e.setVariable("decidedOn", "2026-11-23");
                }
            });
        }
        Mocks.register("publishDecisionDelegate", new RecordingDelegate("publish", calls));
        Mocks.register("decisionLimitReminders", new DecisionLimitReminders(StatutoryDeadlines.fromDataFile(), null));
        Mocks.register("decisionLimitExtensionDelegate", (JavaDelegate) e -> calls.add("decisionLimitExtensionDelegate"));
        for (String guard : List.of("proposedDecisionGuard", "statementRecheckGuard", "reviewerIndependenceGuard",
                "headDecisionGuard", "decisionLimitExtensionGuard", "collectiveDiscussionGuard", "supplementCaseGuard", "noticeServiceGuard",
                "decisionServiceGuard")) {
            Mocks.register(guard, (TaskListener) t -> { });
        }
        // the routing points keep what the rule tasks decided from the facts above (ReviewRules reads the case)
        for (String routing : List.of("hearingRightsRouting", "legalReviewRouting", "collectiveDiscussionRouting")) {
            Mocks.register(routing, (org.camunda.bpm.engine.delegate.ExecutionListener) e -> { });
        }
    }

    /** 集体讨论's form as submitted (the guard is a double here): two heads, each one's view, the conclusion. */
    private static Map<String, Object> discussed(String conclusion) {
        return withVariables("discussionAttendees", List.of("zhaomin", "qianlei"), "discussionAttendee1", "zhaomin",
                "discussionView1", "同意", "discussionAttendee2", "qianlei", "discussionView2", "同意",
                "discussionConclusion", conclusion);
    }

    /** A delegate double that records "prefix:field kind/recipients". */
    private JavaDelegate recording(String prefix) {
        return new RecordingDelegate(prefix, calls);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        org.lawflow.TestClock.restore();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("major-decision-review", "宁交执罚〔2026〕7号",
                withVariables("caseId", "00000000-0000-0000-0000-000000000007", "caseNo", "宁交执罚〔2026〕7号",
                        "agencyId", "xining", "filedOn", "2026-11-20"));
    }

    /** Runs the async service tasks (documents, mail) until the instance waits in a user task or ends. */
    private void runJobs(ProcessInstance pi) {
        for (int i = 0; i < 20; i++) {
            var asyncJobs = managementService().createJobQuery().processInstanceId(pi.getId()).messages().list();
            if (asyncJobs.isEmpty()) {
                return;
            }
            asyncJobs.forEach(j -> managementService().executeJob(j.getId()));
        }
    }

    /** A 情节复杂 case (collective discussion required): notified, statement waived, legal review approved. */
    private ProcessInstance complexCaseReviewed() {
        var pi = statementWaivedWith("complexCase");
        complete(task(), withVariables("reviewOpinion", "APPROVE", "suspectedCrime", false));
        runJobs(pi);
        return pi;
    }

    /** A case with the ground {@code fact}: notified, statement waived, past the routing to legal review. */
    private ProcessInstance statementWaivedWith(String fact) {
        caseFacts.put(fact, true);
        var pi = start();
        notifyAndDeliver(pi);
        complete(task(), withVariables("statementWaived", true));
        return pi;
    }

    private void notifyAndDeliver(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Task_SubmitProposedDecision");
        assertThat(task()).isAssignedTo("zhangwei");
        complete(task(), withVariables("proposalConfirmed", true));
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_RecordNoticeDelivery");
        assertThat(task().getDueDate()).isNotNull();
        complete(task(), withVariables("noticeDeliveredOn", "2026-11-23", "deliveryMethod", "DIRECT"));
    }

    private void decideAndFinish(ProcessInstance pi, boolean major) {
        assertThat(pi).isWaitingAt("Task_HeadDecision");
        assertThat(task()).hasCandidateGroup("agency-head");
        complete(task(), withVariables("headDecision", "PENALTY", "decisionOpinion", "同意"));
        runJobs(pi);
        // 送达, 备案 and 公示 all run from the decision: publication is open before service is recorded
        assertThat(pi).isWaitingAt("Task_RecordDecisionService", "Task_ConfirmPublication");
        complete(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ConfirmPublication").singleResult(),
                withVariables("publicationText", ""));
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_RecordDecisionService");
        assertThat(calls).doesNotContain("penaltyEnforcementStartDelegate");
        complete(task(), withVariables("servedOn", "2026-11-24", "serviceMethod", "DIRECT"));
        runJobs(pi);
        assertThat(pi).hasPassed("Task_StartPenaltyEnforcement").isEnded();
        assertThat(calls).contains("doc:VIOLATION_NOTICE", "mail:party", "decisionRecordDelegate",
                "doc:PENALTY_DECISION", "publish", "doc:PUBLICATION_RECORD", "penaltyEnforcementStartDelegate");
        if (major) {
            assertThat(calls).containsSubsequence("doc:FILING_REPORT", "doc:FILING_FORM", "package:FILING",
                    "mail:superior,justiceBureau");
        } else {
            assertThat(calls).doesNotContain("package:FILING");
        }
    }

    @Test
    void minorCaseWithoutHearingOrReviewGoesStraightToTheHead() {
        var pi = start();
        notifyAndDeliver(pi);
        assertThat(pi).isWaitingAt("Task_RecordStatement");
        assertThat(task().getDueDate()).isNotNull();
        complete(task(), withVariables("partyStated", true, "statementSummary", "经营困难", "recheckResult",
                "NOT_ADOPTED"));
        assertThat(pi).hasPassed("Task_DecideLegalReview", "Task_DecideCollectiveDiscussion")
                .hasNotPassed("CallActivity_HearingNotice");
        assertThat(pi).variables().containsEntry("legalReviewRequired", false)
                .containsEntry("collectiveDiscussionRequired", false).containsEntry("hearingRights", false);
        decideAndFinish(pi, false);
        assertThat(pi).hasNotPassed("Task_ReviewLegality", "Task_CollectiveDiscussion");
    }

    @Test
    void largeFineGivesHearingRightsThenReviewDiscussionFilingAndPublication() {
        caseFacts.put("largeAmount", true);
        var pi = start();
        notifyAndDeliver(pi);
        assertThat(pi).isWaitingAt("CallActivity_HearingNotice");
        var hearing = runtimeService().createProcessInstanceQuery().processDefinitionKey("hearing-notice")
                .superProcessInstanceId(pi.getId()).singleResult();
        assertThat(hearing.getBusinessKey()).isEqualTo("宁交执罚〔2026〕7号");
        runtimeService().setVariable(hearing.getId(), "hearingOutcome", "HELD");
        complete(taskQuery().processInstanceId(hearing.getId()).singleResult());
        assertThat(pi).as("the hearing is over, the statement period is not settled yet")
                .isWaitingAt("Task_RecordStatement").hasNotPassed("Task_DecideLegalReview");
        complete(task(), withVariables("statementWaived", true));

        assertThat(pi).variables().containsEntry("hearingOutcome", "HELD").containsEntry("legalReviewRequired", true)
                .containsEntry("collectiveDiscussionRequired", true);
        assertThat(pi).isWaitingAt("Task_ReviewLegality");
        assertThat(task()).hasCandidateGroup("legal-reviewer");
        assertThat(task().getDueDate()).isNotNull();
        complete(task(), withVariables("reviewOpinion", "APPROVE", "suspectedCrime", false));
        runJobs(pi);
        assertThat(calls).contains("doc:LEGAL_REVIEW_OPINION");
        assertThat(pi).isWaitingAt("Task_CollectiveDiscussion");
        complete(task(), discussed("PENALTY"));
        runJobs(pi);
        assertThat(calls).contains("doc:COLLECTIVE_DISCUSSION");
        decideAndFinish(pi, true);
    }

    @Test
    void returnedReviewGoesBackToTheOfficerAndIsReviewedAgain() {
        var pi = statementWaivedWith("complexCase");
        assertThat(pi).isWaitingAt("Task_ReviewLegality");
        complete(task(), withVariables("reviewOpinion", "RETURN", "reviewReasons", "证据不足", "suspectedCrime", false));
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_SupplementCase");
        assertThat(task()).isAssignedTo("zhangwei");
        // nothing the party was told has changed: straight back to the review
        complete(task(), withVariables("supplementNote", "补充询问笔录", "renotifyParty", false));
        assertThat(pi).isWaitingAt("Task_ReviewLegality");
        complete(task(), withVariables("reviewOpinion", "APPROVE", "suspectedCrime", false));
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_CollectiveDiscussion");
    }

    @Test
    void supplementThatChangesWhatThePartyWasToldNotifiesThePartyAgain() {
        var pi = statementWaivedWith("complexCase");
        complete(task(), withVariables("reviewOpinion", "RETURN", "reviewReasons", "证据不足", "suspectedCrime", false));
        runJobs(pi);
        calls.clear();
        // supplementCaseGuard (a double here) found the evidence or the proposal changed
        complete(task(), withVariables("supplementNote", "补充现场勘验笔录，罚款调整", "renotifyParty", true));
        runJobs(pi);
        assertThat(pi).as("the hearing rights are decided again and the new proposal confirmed")
                .isWaitingAt("Task_SubmitProposedDecision");
        complete(task(), withVariables("proposalConfirmed", true));
        runJobs(pi);
        assertThat(calls).as("a new 违法行为通知书").anyMatch(c -> c.startsWith("doc:"));
        assertThat(pi).isWaitingAt("Task_RecordNoticeDelivery");
    }

    @Test
    void aCaseThatDirectlyConcernsAThirdPartysMajorRightsIsReviewedWithoutAHearing() {
        var pi = statementWaivedWith("thirdPartyMajorInterest");
        assertThat(pi).hasNotPassed("CallActivity_HearingNotice").isWaitingAt("Task_ReviewLegality");
        assertThat(pi).variables().containsEntry("legalReviewRequired", true).containsEntry("hearingRights", false);
    }

    @Test
    void rejectedReviewEndsWithoutDecision() {
        var pi = statementWaivedWith("majorPublicInterest");
        complete(task(), withVariables("reviewOpinion", "REJECT", "reviewReasons", "适用法律错误", "suspectedCrime", false));
        runJobs(pi);
        assertThat(pi).hasPassed("Task_RecordReviewRejection").isEnded().hasNotPassed("Task_HeadDecision");
        assertThat(calls).contains("reviewRejectedDelegate").doesNotContain("decisionRecordDelegate");
    }

    @Test
    void suspectedCrimeStopsThePenaltyFlowAndStartsTheTransfer() {
        caseFacts.put("heavyPenalty", true);
        var pi = start();
        notifyAndDeliver(pi);
        var hearing = runtimeService().createProcessInstanceQuery().processDefinitionKey("hearing-notice")
                .superProcessInstanceId(pi.getId()).singleResult();
        runtimeService().setVariable(hearing.getId(), "hearingOutcome", "WAIVED");
        complete(taskQuery().processInstanceId(hearing.getId()).singleResult());
        complete(task(), withVariables("statementWaived", true));
        complete(task(), withVariables("reviewOpinion", "APPROVE", "suspectedCrime", true, "reviewReasons",
                "涉案金额达到刑事立案标准"));
        runJobs(pi);
        assertThat(pi).hasPassed("Task_StartCriminalTransfer").isEnded().hasNotPassed("Task_HeadDecision");
        assertThat(calls).contains("criminalTransferFromReviewDelegate");
    }

    @Test
    void headMayDecideNoPenaltyOrTransfer() {
        var pi = start();
        notifyAndDeliver(pi);
        complete(task(), withVariables("statementWaived", true));
        complete(task(), withVariables("headDecision", "NO_PENALTY", "decisionOpinion", "违法行为轻微并及时改正"));
        assertThat(pi).hasPassed("Task_RecordNoPenalty").isEnded();

        var second = start();
        notifyAndDeliver(second);
        complete(task(), withVariables("statementWaived", true));
        complete(task(), withVariables("headDecision", "TRANSFER", "decisionOpinion", "涉嫌犯罪"));
        assertThat(second).hasPassed("Task_StartCriminalTransfer").isEnded();
    }

    @Test
    void overdueReviewRemindsReviewerAndSupervisorWithoutStoppingTheReview() {
        var pi = statementWaivedWith("complexCase");
        assertThat(pi).isWaitingAt("Task_ReviewLegality");
        // past 5 working days (法制审核) and 5 days ending on a weekend (备案, moved to Monday 11-30)
        ClockUtil.setCurrentTime(Date.from(START.plus(8, ChronoUnit.DAYS)));
        var reminder = managementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId("Task_ReviewLegality").singleResult();
        assertThat(reminder.getDuedate()).as("the reminder fires at the task's own deadline")
                .isEqualTo(task().getDueDate());
        execute(reminder);
        assertThat(calls).contains("reminder:group:legal-reviewer,group:supervisor:deadline-reminder");
        assertThat(pi).isWaitingAt("Task_ReviewLegality");
    }

    @Test
    void filingThatHasNotGoneOutByTheDeadlineIsEscalatedToTheSupervisor() {
        var pi = complexCaseReviewed();
        complete(task(), discussed("PENALTY"));
        runJobs(pi);
        complete(task(), withVariables("headDecision", "PENALTY", "decisionOpinion", "同意"));
        execute(job("Task_GeneratePenaltyDecision"));
        // the filing jobs are NOT run: the package has not gone out (e.g. mail server down); service not recorded
        assertThat(pi).isWaitingAt("SubProcess_Filing", "Task_ConfirmPublication");
        // past 5 working days (法制审核) and 5 days ending on a weekend (备案, moved to Monday 11-30)
        ClockUtil.setCurrentTime(Date.from(START.plus(8, ChronoUnit.DAYS)));
        execute(job("Timer_FilingDeadline"));
        var escalation = managementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("Task_EscalateFiling").singleResult();
        managementService().executeJob(escalation.getId());
        assertThat(calls).contains("mail:group:supervisor,group:agency-head");
        assertThat(pi).isWaitingAt("SubProcess_Filing");
    }

    @Test
    void hearingAndStatementRunInParallelAndTheReviewWaitsForBoth() {
        caseFacts.put("largeAmount", true);
        var pi = start();
        notifyAndDeliver(pi);
        assertThat(pi).isWaitingAt("CallActivity_HearingNotice", "Task_RecordStatement");
        assertThat(task().getDueDate()).as("the statement period runs from the notice's delivery").isNotNull();
        // the party waives the hearing but defends in writing: the defence is rechecked
        complete(task(), withVariables("partyStated", true, "statementSummary", "车辆系借用，对超限不知情",
                "recheckResult", "PARTLY_ADOPTED"));
        assertThat(pi).as("the hearing outcome is not settled yet").isWaitingAt("CallActivity_HearingNotice")
                .hasNotPassed("Task_DecideLegalReview");
        var hearing = runtimeService().createProcessInstanceQuery().processDefinitionKey("hearing-notice")
                .superProcessInstanceId(pi.getId()).singleResult();
        runtimeService().setVariable(hearing.getId(), "hearingOutcome", "WAIVED");
        complete(taskQuery().processInstanceId(hearing.getId()).singleResult());
        assertThat(pi).hasPassed("Task_RecordStatement", "CallActivity_HearingNotice", "Task_DecideLegalReview")
                .isWaitingAt("Task_ReviewLegality");
        assertThat(pi).variables().containsEntry("hearingOutcome", "WAIVED").containsEntry("partyStated", true)
                .containsEntry("recheckResult", "PARTLY_ADOPTED");
    }

    @Test
    void filingAndPublicationStartAtTheDecisionWithoutWaitingForService() {
        var pi = complexCaseReviewed();
        complete(task(), discussed("PENALTY"));
        runJobs(pi);
        complete(task(), withVariables("headDecision", "PENALTY", "decisionOpinion", "同意"));
        runJobs(pi);
        // service is not recorded, yet the filing package went out and the publication task is open
        assertThat(pi).isWaitingAt("Task_RecordDecisionService", "Task_ConfirmPublication")
                .hasPassed("SubProcess_Filing").hasNotPassed("Task_EscalateFiling");
        assertThat(calls).containsSubsequence("doc:PENALTY_DECISION", "doc:FILING_REPORT", "package:FILING",
                "mail:superior,justiceBureau");
        var publication = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ConfirmPublication")
                .singleResult();
        // decided Monday 2026-11-23: 7 working days end Wednesday 2026-12-02 (not 20 working days)
        assertThat(publication.getDueDate()).isEqualTo(
                StatutoryDeadlines.fromDataFile().due("PUBLICATION_PENALTY", java.time.LocalDate.of(2026, 11, 23)));
        assertThat(publication.getDueDate().toInstant()).isBefore(Instant.parse("2026-12-03T00:00:00Z"))
                .isAfter(Instant.parse("2026-12-01T16:00:00Z"));
        complete(publication, withVariables("publicationText", ""));
        runJobs(pi);
        assertThat(pi).as("the 送达回证 joins later; the case ends when service is recorded")
                .isWaitingAt("Task_RecordDecisionService");
        complete(task(), withVariables("servedOn", "2026-11-27", "serviceMethod", "POST"));
        assertThat(pi).isEnded();
    }

    private org.camunda.bpm.engine.runtime.Job timer(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
                .singleResult();
    }

    @Test
    void theNinetyDayLimitRemindsOfficerAndHeadAtDay60And80AndTheHeadMayExtendIt() {
        var pi = start();
        var calendar = StatutoryDeadlines.fromDataFile();
        var day60 = timer(pi, "StartEvent_DecisionLimitDay60");
        var day80 = timer(pi, "StartEvent_DecisionLimitDay80");
        // 立案 2026-11-20: day 60 is 2027-01-19; day 80, 2027-02-08, is 春节 (初三), so the reminder comes on 02-09
        assertThat(day60.getDuedate()).isEqualTo(calendar.due("DECISION_LIMIT_FIRST_REMINDER", "2026-11-20"))
                .isAfter(Date.from(Instant.parse("2027-01-18T16:00:00Z")))
                .isBefore(Date.from(Instant.parse("2027-01-19T16:00:00Z")));
        assertThat(day80.getDuedate()).isEqualTo(calendar.due("DECISION_LIMIT_SECOND_REMINDER", "2026-11-20"))
                .isAfter(Date.from(Instant.parse("2027-02-08T16:00:00Z")))
                .isBefore(Date.from(Instant.parse("2027-02-09T16:00:00Z")));

        execute(day60);
        runJobs(pi);
        assertThat(calls).containsExactly("mail:var:leadOfficer,group:agency-head");
        assertThat(pi).as("a reminder does not stop the review").isWaitingAt("Task_SubmitProposedDecision");
        assertThat(taskQuery().taskDefinitionKey("Task_ApproveDecisionLimitExtension").count()).isZero();

        execute(day80);
        runJobs(pi);
        assertThat(calls).containsExactly("mail:var:leadOfficer,group:agency-head",
                "mail:var:leadOfficer,group:agency-head");
        var extension = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ApproveDecisionLimitExtension")
                .singleResult();
        assertThat(extension).hasCandidateGroup("agency-head");
        assertThat(extension.getDueDate()).as("decided before the 90 days run out")
                .isEqualTo(calendar.due("DECISION_LIMIT", "2026-11-20"));
        complete(extension, withVariables("decisionLimitExtension", "APPROVE", "extendedDecisionLimitOn", "2027-03-20",
                "extensionReason", "需委托鉴定，鉴定期间不能作出决定"));
        assertThat(calls).contains("decisionLimitExtensionDelegate");
        assertThat(pi).hasPassed("Task_RecordDecisionLimitExtension").isWaitingAt("Task_SubmitProposedDecision");
    }

    @Test
    void anExtensionTheHeadRefusesIsNotRecordedAsALimit() {
        var pi = start();
        execute(timer(pi, "StartEvent_DecisionLimitDay80"));
        runJobs(pi);
        complete(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ApproveDecisionLimitExtension")
                .singleResult(), withVariables("decisionLimitExtension", "REJECT", "extensionReason", "证据已齐备"));
        assertThat(pi).hasPassed("End_ExtensionNotApproved", "End_ExtensionRequestEnded")
                .hasNotPassed("Task_RecordDecisionLimitExtension");
        assertThat(calls).doesNotContain("decisionLimitExtensionDelegate");
    }

    /** 2027-02-09, day 80 after 立案 on 2026-11-20 (day 80 itself, 02-08, is 春节): the day the head is asked. */
    static final Instant DAY_80 = Instant.parse("2027-02-09T02:00:00Z");

    /** 23:59:59 of {@code day} in Beijing: how the limit's due dates and reminders are stored. */
    private static Date endOfDay(String day) {
        return Date.from(java.time.LocalDate.parse(day).atTime(23, 59, 59).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toInstant());
    }

    /** The real extension guard and delegate, the case record a list: what the head's approval moves. */
    private List<String> recordExtensionsFor() {
        var reminders = new DecisionLimitReminders(StatutoryDeadlines.fromDataFile(), null);
        List<String> record = new ArrayList<>();
        var events = org.mockito.Mockito.mock(org.lawflow.casefile.CaseEvents.class);
        org.mockito.Mockito.doAnswer(call -> record.add(call.getArgument(2) + "|" + call.getArgument(3) + "|"
                + call.getArgument(4))).when(events).record(org.mockito.ArgumentMatchers.any(),
                        org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                        org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
        Mocks.register("decisionLimitExtensionGuard", new DecisionLimitExtensionGuard(reminders));
        Mocks.register("decisionLimitExtensionDelegate", new DecisionLimitExtensionDelegate(events, reminders));
        return record;
    }

    private org.camunda.bpm.engine.task.Task extensionTask(ProcessInstance pi) {
        return open(pi, "Task_ApproveDecisionLimitExtension");
    }

    private org.camunda.bpm.engine.task.Task open(ProcessInstance pi, String taskKey) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
    }

    /** With the extension task open beside them: proposal, notice delivered, statement waived; at the head. */
    private void toTheHeadBesideTheExtension(ProcessInstance pi) {
        complete(open(pi, "Task_SubmitProposedDecision"), withVariables("proposalConfirmed", true));
        runJobs(pi);
        complete(open(pi, "Task_RecordNoticeDelivery"), withVariables("noticeDeliveredOn", "2026-11-23",
                "deliveryMethod", "DIRECT"));
        complete(open(pi, "Task_RecordStatement"), withVariables("statementWaived", true));
    }

    /** On day 80 the head is asked and extends the limit to {@code newLimit}; the mails so far are forgotten. */
    private void approveOnDay80(ProcessInstance pi, String newLimit) {
        ClockUtil.setCurrentTime(Date.from(DAY_80));
        execute(timer(pi, "StartEvent_DecisionLimitDay80"));
        runJobs(pi);
        calls.clear();
        complete(extensionTask(pi), withVariables("decisionLimitExtension", "APPROVE", "extendedDecisionLimitOn",
                newLimit, "extensionReason", "需委托鉴定，鉴定期间不能作出决定"));
    }

    @Test
    void anApprovedExtensionMovesTheDueDatesAndTheRemindersToTheNewLimit() {
        List<String> record = recordExtensionsFor();
        var pi = start();
        var statutory = StatutoryDeadlines.fromDataFile().due("DECISION_LIMIT", "2026-11-20");
        assertThat(open(pi, "Task_SubmitProposedDecision").getDueDate()).as("the 90 days").isEqualTo(statutory);
        approveOnDay80(pi, "2027-03-31");

        assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_SubmitProposedDecision")
                .singleResult().getDueDate()).as("the open task follows the new limit").isEqualTo(endOfDay("2027-03-31"));
        assertThat(record).anySatisfy(r -> assertThat(r).startsWith("延长办案期限|").contains("2027-03-31"))
                .anySatisfy(r -> assertThat(r).startsWith("法定期限|期限变更").contains("提交拟处罚决定")
                        .contains(" → 2027-03-31"));
        // the reminders keep their distance to the limit: 30 days before (03-01), then 10 days before (03-21, a
        // Sunday: Monday 03-22)
        assertThat(pi).isWaitingAt("Timer_ExtendedFirstReminder");
        assertThat(timer(pi, "Timer_ExtendedFirstReminder").getDuedate()).isEqualTo(endOfDay("2027-03-01"));
        ClockUtil.setCurrentTime(endOfDay("2027-03-01"));
        execute(timer(pi, "Timer_ExtendedFirstReminder"));
        runJobs(pi);
        assertThat(calls).containsExactly("mail:var:leadOfficer,group:agency-head");
        assertThat(timer(pi, "Timer_ExtendedSecondReminder").getDuedate()).isEqualTo(endOfDay("2027-03-22"));
        execute(timer(pi, "Timer_ExtendedSecondReminder"));
        runJobs(pi);
        assertThat(extensionTask(pi).getDueDate()).as("the head is asked again before the new limit")
                .isEqualTo(endOfDay("2027-03-31"));

        // a task the limit sets that opens after the extension counts to the new limit as well
        toTheHeadBesideTheExtension(pi);
        assertThat(open(pi, "Task_HeadDecision").getDueDate()).isEqualTo(endOfDay("2027-03-31"));
    }

    @Test
    void anExtensionApprovedLateSkipsTheFirstReminderItHasPassed() {
        recordExtensionsFor();
        var pi = start();
        // 2027-03-05 minus 30 days is 02-03, already past: straight to the reminder 10 days before (02-23)
        approveOnDay80(pi, "2027-03-05");
        assertThat(pi).hasPassed("Gateway_ExtendedFirstReminderAhead").hasNotPassed("Timer_ExtendedFirstReminder")
                .isWaitingAt("Timer_ExtendedSecondReminder");
        assertThat(timer(pi, "Timer_ExtendedSecondReminder").getDuedate()).isEqualTo(endOfDay("2027-02-23"));
        assertThat(calls).isEmpty();
    }

    @Test
    void aPenaltyDecidedWhileTheExtensionIsPendingEndsTheRequestAndTheCaseCloses() {
        var pi = start();
        execute(timer(pi, "StartEvent_DecisionLimitDay80"));
        runJobs(pi);
        assertThat(extensionTask(pi)).isNotNull();
        toTheHeadBesideTheExtension(pi);
        complete(open(pi, "Task_HeadDecision"), withVariables("headDecision", "PENALTY", "decisionOpinion", "同意"));
        assertThat(extensionTask(pi)).as("the decision is made, the request is moot").isNull();
        assertThat(pi).hasPassed("Event_DecidedDuringExtension", "End_ExtensionEndedByDecision")
                .hasNotPassed("Task_RecordDecisionLimitExtension");
        runJobs(pi);
        complete(open(pi, "Task_ConfirmPublication"), withVariables("publicationText", ""));
        runJobs(pi);
        complete(open(pi, "Task_RecordDecisionService"), withVariables("servedOn", "2026-11-24", "serviceMethod",
                "DIRECT"));
        runJobs(pi);
        assertThat(pi).as("nothing is left waiting for the request").isEnded();
    }

    @Test
    void noPenaltyATransferOrARejectedReviewWhileTheExtensionIsPendingEndsTheWholeInstance() {
        var pi = start();
        execute(timer(pi, "StartEvent_DecisionLimitDay80"));
        runJobs(pi);
        toTheHeadBesideTheExtension(pi);
        complete(open(pi, "Task_HeadDecision"), withVariables("headDecision", "NO_PENALTY", "decisionOpinion",
                "违法行为轻微并及时改正"));
        assertThat(pi).hasPassed("End_NoPenalty").isEnded();
        assertThat(calls).as("no penalty, nothing to enforce").doesNotContain("penaltyEnforcementStartDelegate");
        assertThat(extensionTask(pi)).isNull();

        var transferred = start();
        execute(timer(transferred, "StartEvent_DecisionLimitDay80"));
        runJobs(transferred);
        toTheHeadBesideTheExtension(transferred);
        complete(open(transferred, "Task_HeadDecision"), withVariables("headDecision", "TRANSFER", "decisionOpinion",
                "涉嫌犯罪"));
        assertThat(transferred).hasPassed("End_TransferredToPolice").isEnded();
        assertThat(extensionTask(transferred)).isNull();

        caseFacts.put("majorPublicInterest", true);
        var rejected = start();
        execute(timer(rejected, "StartEvent_DecisionLimitDay80"));
        runJobs(rejected);
        toTheHeadBesideTheExtension(rejected);
        complete(open(rejected, "Task_ReviewLegality"), withVariables("reviewOpinion", "REJECT", "reviewReasons",
                "适用法律错误", "suspectedCrime", false));
        runJobs(rejected);
        assertThat(rejected).hasPassed("End_ReviewRejected").isEnded();
        assertThat(extensionTask(rejected)).isNull();
    }

    @Test
    void noLimitReminderOnceTheHeadHasDecided() {
        var pi = start();
        notifyAndDeliver(pi);
        complete(task(), withVariables("statementWaived", true));
        complete(task(), withVariables("headDecision", "PENALTY", "decisionOpinion", "同意"));
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_RecordDecisionService", "Task_ConfirmPublication");
        calls.clear();
        execute(timer(pi, "StartEvent_DecisionLimitDay60"));
        execute(timer(pi, "StartEvent_DecisionLimitDay80"));
        runJobs(pi);
        assertThat(pi).hasPassed("End_Day60AlreadyDecided", "End_Day80AlreadyDecided");
        assertThat(calls).noneMatch(c -> c.startsWith("mail:var:leadOfficer"));
        assertThat(taskQuery().taskDefinitionKey("Task_ApproveDecisionLimitExtension").count()).isZero();
    }

    @Test
    void aHeadDecisionThatDiffersFromTheCollectiveDiscussionSendsTheCaseBackToDiscussion() {
        var pi = complexCaseReviewed();
        complete(task(), discussed("PENALTY"));
        runJobs(pi);
        // 行政处罚法第五十七条第二款: the discussion decides, one head may not overrule it
        complete(task(), withVariables("headDecision", "NO_PENALTY", "decisionOpinion", "违法行为轻微"));
        assertThat(pi).hasNotPassed("Task_RecordNoPenalty").isWaitingAt("Task_CollectiveDiscussion");
        complete(task(), discussed("NO_PENALTY"));
        runJobs(pi);
        assertThat(calls.stream().filter("doc:COLLECTIVE_DISCUSSION"::equals)).as("a record of each discussion")
                .hasSize(2);
        complete(task(), withVariables("headDecision", "NO_PENALTY", "decisionOpinion", "同意集体讨论结论"));
        assertThat(pi).hasPassed("Task_RecordNoPenalty").isEnded();
    }
}
