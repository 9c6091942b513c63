package org.lawflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawflow.ProcessTestEngine;
import org.lawflow.calendar.StatutoryDeadlines;

/** Every path of criminal-case-transfer (国务院令第310号) with the real BPMN, guards and test doubles. */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = "bpmn/criminal-case-transfer.bpmn")
class CriminalCaseTransferProcessTest extends TransferProcessTestSupport {

    static final String CASE_NO = "宁交执罚〔2026〕8号";
    private ProcessInstance start(boolean withTeam) {
        Map<String, Object> vars = new HashMap<>(Map.of("caseId", "00000000-0000-0000-0000-000000000008",
                "caseNo", CASE_NO, "agencyId", "xining", "transferReason", "非法营运涉嫌非法经营罪",
                "startedFrom", "major-decision-review", "leadOfficer", "zhangwei"));
        if (withTeam) {
            vars.put("transferTeam", "zhangwei,liqiang");
            vars.put("transferId", "00000000-0000-0000-0000-0000000000aa");
        }
        return runtimeService().startProcessInstanceByKey("criminal-case-transfer", CASE_NO, vars);
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
                .singleResult();
    }

    /** Report written, head approves, package built and sent: the instance waits for the police. */
    private void approveAndSend(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Task_WriteTransferReport");
        assertThat(task()).isAssignedTo("zhangwei");
        assertThat(taskService().getIdentityLinksForTask(task().getId()).toString()).contains("liqiang");
        complete(task(), withVariables("suspectedCrime", "非法经营罪", "transferReport", "当事人长期无证营运，非法经营额逾25万元",
                "seizedItems", "青A12345小型客车一辆"));
        assertThat(pi).isWaitingAt("Task_HeadApproval");
        assertThat(task()).hasCandidateGroup("principal-head");
        assertThat(taskService().getIdentityLinksForTask(task().getId())).hasSize(1);
        assertThat(task().getDueDate()).isEqualTo(StatutoryDeadlines.fromDataFile().due("TRANSFER_APPROVAL",
                runtimeService().getVariable(pi.getId(), "reportSubmittedOn")));
        assertThat(doubles.periods).contains("TRANSFER_APPROVAL");
        taskService().claim(task().getId(), "zhaomin");
        complete(task(), withVariables("headApproval", "APPROVE", "headOpinion", "同意移送"));
        assertThat(timer(pi, "Timer_SendOverdue")).isNotNull();
        runJobs(pi);
        assertThat(doubles.calls).containsSubsequence("record:HEAD_DECIDED", "doc:CRIMINAL_TRANSFER_LETTER",
                "doc:CRIMINAL_INVESTIGATION_REPORT", "doc:SEIZED_ITEMS_LIST", "package:CRIMINAL_TRANSFER",
                "mail:police,procuratorate:transfer-package", "record:SENT");
        assertThat(pi).isWaitingAt("Task_AwaitPoliceDecision");
        assertThat(task().getDueDate()).isNotNull();
        assertThat(timer(pi, "Timer_SendOverdue")).isNull();
    }

    @Test
    void specialTeamNeedsTwoOfficersOfTheAgency() {
        ProcessInstance pi = start(false);
        assertThat(pi).isWaitingAt("Task_FormTeam");
        assertThat(task()).isAssignedTo("zhangwei");
        String id = task().getId();
        assertField(() -> taskService().complete(id, Map.of("transferTeam", "zhangwei", "suspectedCrime", "非法经营罪")), "transferTeam");
        assertField(() -> taskService().complete(id, Map.of("transferTeam", "zhangwei,zhoujie", "suspectedCrime", "非法经营罪")), "transferTeam[1]");
        assertField(() -> taskService().complete(id, Map.of("transferTeam", "zhangwei,wangfang", "suspectedCrime", "非法经营罪")), "transferTeam[1]");
        taskService().complete(id, Map.of("transferTeam", "zhangwei， liqiang", "suspectedCrime", "非法经营罪"));
        assertThat(pi).isWaitingAt("Task_WriteTransferReport").variables().containsEntry("transferTeam", "zhangwei,liqiang");
        assertThat(doubles.calls).containsExactly("record:REGISTERED");
    }

    @Test
    void approvedTransferFiledByThePoliceEndsWithTheEvidenceHandover() {
        ProcessInstance pi = start(true);
        approveAndSend(pi);
        runtimeService().createMessageCorrelation("PoliceReceipt").processInstanceId(pi.getId())
                .setVariable("policeReceivedOn", "2026-11-02").correlate();
        assertThat(pi).isWaitingAt("Task_AwaitPoliceDecision");
        assertThat(doubles.calls).contains("record:RECEIPT");
        runtimeService().createMessageCorrelation("PoliceFilingDecision").processInstanceId(pi.getId())
                .setVariables(Map.of("filingDecision", "FILED", "filingNoticeOn", "2026-11-03")).correlate();
        assertThat(pi).isWaitingAt("Task_HandOverEvidence");
        // 国务院令第310号第十二条: three (calendar) days from the filing notice, to the end of the day in China
        assertThat(task().getDueDate().toInstant()).isEqualTo(
                java.time.ZonedDateTime.parse("2026-11-06T23:59:59+08:00[Asia/Shanghai]").toInstant());
        String id = task().getId();
        assertField(() -> taskService().complete(id, Map.of("handedOverOn", "2026-11-04")), "handoverList");
        complete(task(), withVariables("handoverList", "青A12345小型客车一辆\n询问笔录3份", "handedOverOn", "2026-11-04",
                "policeReceiver", "王警官"));
        // the case stays with the criminal side until a judicial organ returns it or the proceedings end
        assertThat(pi).isWaitingAt("Task_AwaitJudicialOutcome");
        assertThat(task()).isAssignedTo("zhangwei");
        String outcome = task().getId();
        assertField(() -> taskService().complete(outcome, Map.of("judicialOutcome", "CONCLUDED")), "returnReasons");
        complete(task(), withVariables("judicialOutcome", "CONCLUDED", "returnReasons", "人民法院判决已生效"));
        assertThat(pi).isEnded().hasPassed("End_EvidenceHandedOver").hasNotPassed("End_CaseReturned");
        assertThat(doubles.calls).containsSubsequence("record:FILING_DECISION", "record:FILED", "record:HANDED_OVER",
                "record:JUDICIAL_OUTCOME");
        assertThat(doubles.periods).contains("POLICE_FILING_ANSWER", "EVIDENCE_HANDOVER", "TRANSFER_SEND");
    }

    /**
     * 行政处罚法第二十七条: the procuratorate does not prosecute and returns the case for an administrative penalty;
     * the officer records the return letter and the case goes back to administrative handling.
     */
    @Test
    void caseReturnedByTheProcuratorateIsRecordedWithItsLetterAndReturnsToAdministrativeHandling() {
        ProcessInstance pi = start(true);
        approveAndSend(pi);
        complete(task(), withVariables("filingDecision", "FILED", "filingNoticeOn", "2026-11-03"));
        complete(task(), withVariables("handoverList", "青A12345小型客车一辆", "handedOverOn", "2026-11-04",
                "policeReceiver", "王警官"));
        assertThat(pi).isWaitingAt("Task_AwaitJudicialOutcome");
        String id = task().getId();
        assertField(() -> taskService().complete(id, Map.of("judicialOutcome", "RETURNED", "returnLetterOn", "2026-11-20",
                "returnReasons", "情节轻微，不起诉")), "returningBody");
        assertField(() -> taskService().complete(id, Map.of("judicialOutcome", "RETURNED", "returningBody", "PROCURATORATE",
                "returnReasons", "情节轻微，不起诉")), "returnLetterOn");
        assertField(() -> taskService().complete(id, Map.of("judicialOutcome", "RETURNED", "returningBody", "PROCURATORATE",
                "returnLetterOn", "2026-11-20")), "returnReasons");
        assertField(() -> taskService().complete(id, Map.of("judicialOutcome", "RETURNED", "returningBody", "PROCURATORATE",
                "returnLetterOn", "2999-01-01", "returnReasons", "情节轻微，不起诉")), "returnLetterOn");
        assertField(() -> taskService().complete(id, Map.of("judicialOutcome", "MAYBE")), "judicialOutcome");
        complete(task(), withVariables("judicialOutcome", "RETURNED", "returningBody", "PROCURATORATE",
                "returnLetterOn", "2026-11-20", "returnLetterNo", "宁检不诉〔2026〕3号", "returnReasons", "情节轻微，决定不起诉，建议给予行政处罚"));
        assertThat(pi).isEnded().hasPassed("End_CaseReturned").hasNotPassed("End_EvidenceHandedOver");
        assertThat(doubles.calls).endsWith("record:HANDED_OVER", "record:JUDICIAL_OUTCOME");
    }

    /** The return letter correlated by the REST API (police-answers type CASE_RETURN) takes the same way. */
    @Test
    void caseReturnMessageEndsTheWaitForTheJudicialOutcome() {
        ProcessInstance pi = start(true);
        approveAndSend(pi);
        complete(task(), withVariables("filingDecision", "FILED", "filingNoticeOn", "2026-11-03"));
        complete(task(), withVariables("handoverList", "青A12345小型客车一辆", "handedOverOn", "2026-11-04"));
        runtimeService().createMessageCorrelation("CaseReturned").processInstanceId(pi.getId())
                .setVariables(Map.of("judicialOutcome", "RETURNED", "returningBody", "POLICE",
                        "returnLetterOn", "2026-11-12", "returnReasons", "撤销案件"))
                .correlate();
        assertThat(pi).isEnded().hasPassed("Message_CaseReturnReceived", "End_CaseReturned");
        assertThat(doubles.calls).endsWith("record:JUDICIAL_OUTCOME");
    }

    /** 国务院令第310号第五条: 正职负责人或者主持工作的负责人; a deputy head (agency-head only) may not decide. */
    @Test
    void onlyThePrincipalHeadApprovesATransfer() {
        ProcessInstance pi = start(true);
        assertThat(pi).isWaitingAt("Task_WriteTransferReport");
        complete(task(), withVariables("suspectedCrime", "非法经营罪", "transferReport", "报告"));
        assertThat(pi).isWaitingAt("Task_HeadApproval");
        String id = task().getId();
        Map<String, Object> approve = Map.of("headApproval", "APPROVE", "headOpinion", "同意移送");
        assertField(() -> taskService().complete(id, approve), "headApproval");
        taskService().setAssignee(id, "qianlei");
        assertField(() -> taskService().complete(id, approve), "headApproval");
        assertThatThrownBy(() -> taskService().complete(id, approve)).hasMessageContaining("正职负责人");
        // a deputy's own session: the engine knows the caller's groups
        taskService().setAssignee(id, null);
        identityService().setAuthentication("qianlei", java.util.List.of("agency-head"), java.util.List.of("xining"));
        try {
            assertField(() -> taskService().complete(id, approve), "headApproval");
        } finally {
            identityService().clearAuthentication();
        }
        identityService().setAuthentication("zhaomin", java.util.List.of("agency-head", "principal-head"),
                java.util.List.of("xining"));
        try {
            taskService().complete(id, approve);
        } finally {
            identityService().clearAuthentication();
        }
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_AwaitPoliceDecision");
    }

    @Test
    void refusalNeedsReasonsAndReturnsTheCaseWithoutSendingAnything() {
        ProcessInstance pi = start(true);
        assertThat(pi).isWaitingAt("Task_WriteTransferReport");
        complete(task(), withVariables("suspectedCrime", "非法经营罪", "transferReport", "报告"));
        String id = task().getId();
        taskService().claim(id, "zhaomin");
        assertField(() -> taskService().complete(id, Map.of("headApproval", "REFUSE")), "headOpinion");
        assertField(() -> taskService().complete(id, Map.of("headApproval", "MAYBE")), "headApproval");
        complete(task(), withVariables("headApproval", "REFUSE", "headOpinion", "经营额未达追诉标准"));
        assertThat(pi).isEnded().hasPassed("End_TransferRefused");
        assertThat(doubles.calls).containsExactly("record:REGISTERED", "record:HEAD_DECIDED");
    }

    @Test
    void notFiledThenReconsiderationThenSupervisionStillNotFiledReturnsToAdministrativeHandling() {
        ProcessInstance pi = start(true);
        approveAndSend(pi);
        complete(task(), withVariables("filingDecision", "NOT_FILED", "filingNoticeOn", "2026-11-03",
                "policeReasons", "未达立案追诉标准"));
        assertThat(pi).isWaitingAt("Task_DecideChallenge");
        assertThat(task().getDueDate()).isNotNull();
        String id = task().getId();
        assertField(() -> taskService().complete(id, Map.of("challenge", "RECONSIDERATION")), "challengeReasons");
        complete(task(), withVariables("challenge", "RECONSIDERATION", "challengeReasons", "经营额已达标准"));
        assertThat(pi).isWaitingAt("Task_AwaitReconsiderationAnswer");
        runtimeService().createMessageCorrelation("PoliceReconsiderationAnswer").processInstanceId(pi.getId())
                .setVariables(Map.of("reconsiderationDecision", "NOT_FILED", "filingNoticeOn", "2026-11-06")).correlate();
        assertThat(pi).isWaitingAt("Task_DecideSupervision");
        complete(task(), withVariables("requestSupervision", true, "challengeReasons", "复议维持，建议监督"));
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_AwaitSupervisionResult");
        complete(task(), withVariables("supervisionOutcome", "NOT_FILED", "filingNoticeOn", "2026-11-10"));
        assertThat(pi).isEnded().hasPassed("End_ReturnedToAdministrative");
        assertThat(doubles.calls).containsSubsequence("record:FILING_DECISION", "record:RECONSIDERATION_REQUESTED",
                "record:RECONSIDERATION_ANSWER", "mail:procuratorate:transfer-supervision", "record:SUPERVISION_REQUESTED",
                "record:SUPERVISION_RESULT", "record:RETURNED_TO_ADMINISTRATIVE");
        assertThat(doubles.periods).contains("RECONSIDERATION_REQUEST", "RECONSIDERATION_ANSWER", "SUPERVISION_REQUEST");
    }

    @Test
    void notFiledWithoutChallengeReturnsAndFiledAfterSupervisionHandsOver() {
        ProcessInstance first = start(true);
        approveAndSend(first);
        complete(task(), withVariables("filingDecision", "NOT_FILED", "filingNoticeOn", "2026-11-03"));
        complete(task(), withVariables("challenge", "NONE"));
        assertThat(first).isEnded().hasPassed("End_ReturnedToAdministrative");

        ProcessInstance second = start(true);
        approveAndSend(second);
        runtimeService().createMessageCorrelation("PoliceFilingDecision").processInstanceId(second.getId())
                .setVariables(Map.of("filingDecision", "NOT_FILED", "filingNoticeOn", "2026-11-03")).correlate();
        complete(task(), withVariables("challenge", "SUPERVISION", "challengeReasons", "直接建议立案监督"));
        runJobs(second);
        runtimeService().createMessageCorrelation("SupervisionResult").processInstanceId(second.getId())
                .setVariables(Map.of("supervisionOutcome", "FILED", "filingNoticeOn", "2026-11-09")).correlate();
        assertThat(second).isWaitingAt("Task_HandOverEvidence");

        ProcessInstance third = start(true);
        approveAndSend(third);
        complete(task(), withVariables("filingDecision", "NOT_FILED", "filingNoticeOn", "2026-11-03"));
        complete(task(), withVariables("challenge", "RECONSIDERATION", "challengeReasons", "理由"));
        complete(task(), withVariables("reconsiderationDecision", "FILED", "filingNoticeOn", "2026-11-05"));
        assertThat(third).isWaitingAt("Task_HandOverEvidence");
    }

    @Test
    void overdueTimersRemindWithoutInterrupting() {
        ProcessInstance pi = start(true);
        assertThat(pi).isWaitingAt("Task_WriteTransferReport");
        complete(task(), withVariables("suspectedCrime", "非法经营罪", "transferReport", "报告"));
        managementService().executeJob(timer(pi, "Task_HeadApproval").getId());
        runJobs(pi);
        assertThat(doubles.calls).contains("reminder:group:supervisor,group:principal-head:transfer-reminder");
        assertThat(pi).isWaitingAt("Task_HeadApproval");
        taskService().claim(task().getId(), "zhaomin");

        complete(task(), withVariables("headApproval", "APPROVE", "headOpinion", "同意"));
        managementService().executeJob(timer(pi, "Timer_SendOverdue").getId());
        assertThat(pi).isWaitingAt("Task_EscalateSendOverdue", "Task_GenerateTransferLetter");
        runJobs(pi);
        assertThat(doubles.calls).contains("mail:group:agency-head,group:supervisor:transfer-reminder",
                "mail:police,procuratorate:transfer-package");
        assertThat(pi).isWaitingAt("Task_AwaitPoliceDecision");

        managementService().executeJob(timer(pi, "Task_AwaitPoliceDecision").getId());
        runJobs(pi);
        assertThat(doubles.calls).contains("reminder:var:leadOfficer,group:supervisor:transfer-reminder");
        assertThat(pi).isWaitingAt("Task_AwaitPoliceDecision");
        complete(task(), withVariables("filingDecision", "FILED", "filingNoticeOn", "2026-11-03"));
        managementService().executeJob(timer(pi, "Task_HandOverEvidence").getId());
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_HandOverEvidence");
        assertThat(doubles.calls.stream().filter(c -> c.endsWith("transfer-reminder"))).hasSize(4);
    }
}
