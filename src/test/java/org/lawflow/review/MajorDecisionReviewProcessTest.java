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
                "socialImpact", false,
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
                "criminalTransferFromReviewDelegate")) {
            Mocks.register(name, (JavaDelegate) e -> {
                calls.add(name);
                if (name.equals("decisionRecordDelegate")) {
                    e.setVariable("decidedOn", "2026-11-23");
                }
            });
        }
        Mocks.register("publishDecisionDelegate", new RecordingDelegate("publish", calls));
        for (String guard : List.of("proposedDecisionGuard", "statementRecheckGuard", "reviewerIndependenceGuard",
                "headDecisionGuard")) {
            Mocks.register(guard, (TaskListener) t -> { });
        }
        // the routing points keep what the rule tasks decided from the facts above (ReviewRules reads the case)
        for (String routing : List.of("hearingRightsRouting", "legalReviewRouting", "collectiveDiscussionRouting")) {
            Mocks.register(routing, (org.camunda.bpm.engine.delegate.ExecutionListener) e -> { });
        }
    }

    /** A delegate double that records "prefix:field kind/recipients". */
    private JavaDelegate recording(String prefix) {
        return new RecordingDelegate(prefix, calls);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("major-decision-review", "宁交执罚〔2026〕7号",
                withVariables("caseId", "00000000-0000-0000-0000-000000000007", "caseNo", "宁交执罚〔2026〕7号",
                        "agencyId", "xining"));
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
        assertThat(pi).isWaitingAt("Task_RecordDecisionService");
        complete(task(), withVariables("servedOn", "2026-11-24", "serviceMethod", "DIRECT"));
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_ConfirmPublication");
        complete(task(), withVariables("publicationText", ""));
        runJobs(pi);
        assertThat(pi).isEnded();
        assertThat(calls).contains("doc:VIOLATION_NOTICE", "mail:party", "decisionRecordDelegate",
                "doc:PENALTY_DECISION", "publish", "doc:PUBLICATION_RECORD");
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

        assertThat(pi).variables().containsEntry("hearingOutcome", "HELD").containsEntry("legalReviewRequired", true)
                .containsEntry("collectiveDiscussionRequired", true);
        assertThat(pi).isWaitingAt("Task_ReviewLegality");
        assertThat(task()).hasCandidateGroup("legal-reviewer");
        assertThat(task().getDueDate()).isNotNull();
        complete(task(), withVariables("reviewOpinion", "APPROVE", "suspectedCrime", false));
        runJobs(pi);
        assertThat(calls).contains("doc:LEGAL_REVIEW_OPINION");
        assertThat(pi).isWaitingAt("Task_CollectiveDiscussion");
        complete(task(), withVariables("discussionAttendees", "赵敏等5人", "discussionRecord", "一致同意",
                "discussionConclusion", "PENALTY"));
        runJobs(pi);
        assertThat(calls).contains("doc:COLLECTIVE_DISCUSSION");
        decideAndFinish(pi, true);
    }

    @Test
    void returnedReviewGoesBackToTheOfficerAndIsReviewedAgain() {
        caseFacts.put("complexCase", true);
        var pi = start();
        notifyAndDeliver(pi);
        complete(task(), withVariables("statementWaived", true));
        assertThat(pi).isWaitingAt("Task_ReviewLegality");
        complete(task(), withVariables("reviewOpinion", "RETURN", "reviewReasons", "证据不足", "suspectedCrime", false));
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_SupplementCase");
        assertThat(task()).isAssignedTo("zhangwei");
        complete(task(), withVariables("supplementNote", "补充询问笔录"));
        assertThat(pi).isWaitingAt("Task_ReviewLegality");
        complete(task(), withVariables("reviewOpinion", "APPROVE", "suspectedCrime", false));
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_CollectiveDiscussion");
    }

    @Test
    void rejectedReviewEndsWithoutDecision() {
        caseFacts.put("majorPublicInterest", true);
        var pi = start();
        notifyAndDeliver(pi);
        complete(task(), withVariables("statementWaived", true));
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
        caseFacts.put("complexCase", true);
        var pi = start();
        notifyAndDeliver(pi);
        complete(task(), withVariables("statementWaived", true));
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
        caseFacts.put("complexCase", true);
        var pi = start();
        notifyAndDeliver(pi);
        complete(task(), withVariables("statementWaived", true));
        complete(task(), withVariables("reviewOpinion", "APPROVE", "suspectedCrime", false));
        runJobs(pi);
        complete(task(), withVariables("discussionAttendees", "5人", "discussionRecord", "同意",
                "discussionConclusion", "PENALTY"));
        runJobs(pi);
        complete(task(), withVariables("headDecision", "PENALTY", "decisionOpinion", "同意"));
        runJobs(pi);
        complete(task(), withVariables("servedOn", "2026-11-24", "serviceMethod", "DIRECT"));
        // the filing jobs are NOT run: the package has not gone out (e.g. mail server down)
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
}
