package org.lawflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lawflow.ProcessTestEngine;

/** discipline-clue-transfer with its routing DMN, and the restricted visibility of clues in the engine. */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = {"bpmn/discipline-clue-transfer.bpmn", "bpmn/criminal-case-transfer.bpmn",
        "bpmn/decisions/discipline-clue-routing.dmn"})
class DisciplineClueTransferProcessTest extends TransferProcessTestSupport {

    static final String CASE_NO = "宁交执罚〔2026〕9号";
    private ProcessInstance start(String cadreLevel) {
        Map<String, Object> vars = new HashMap<>(Map.of("caseId", "00000000-0000-0000-0000-000000000009",
                "caseNo", CASE_NO, "agencyId", "xining", "personInvolved", "某某", "personPosition", "某运输管理所副所长",
                "cadreLevel", cadreLevel, "partyMember", true, "clueFacts", "收受当事人财物，为其无证营运提供便利",
                "discoveredOn", "2026-11-02"));
        return runtimeService().startProcessInstanceByKey("discipline-clue-transfer", CASE_NO, vars);
    }

    @ParameterizedTest(name = "{0}, party member {1} → {2}")
    @CsvSource({"AGENCY_STAFF, true, INTERNAL", "AGENCY_STAFF, false, INTERNAL", "AGENCY_LEADER, true, COMMISSION",
            "CITY_MANAGED, true, COMMISSION", "OTHER, false, COMMISSION", "UNKNOWN, true, COMMISSION"})
    void routingTableFollowsCadreManagementAuthority(String cadreLevel, boolean partyMember, String expected) {
        var result = decisionService().evaluateDecisionTableByKey("discipline-clue-routing",
                Variables.createVariables().putValue("cadreLevel", cadreLevel).putValue("partyMember", partyMember));
        String entry = result.getSingleEntry();
        assertThat(entry).as(cadreLevel).isEqualTo(expected);
    }

    @Test
    void approvedClueGoesToTheCommissionWithLetterAndPackageAndFeedbackIsRecorded() {
        ProcessInstance pi = start("CITY_MANAGED");
        assertThat(pi).isWaitingAt("Task_ApproveClueTransfer").variables().containsEntry("receivingBody", "COMMISSION");
        assertThat(task()).hasCandidateGroup("agency-head");
        assertThat(taskService().getIdentityLinksForTask(task().getId())).hasSize(1);
        assertThat(task().getDueDate()).isNotNull();
        assertThat(doubles.periods).containsExactly("DISCIPLINE_CLUE_TRANSFER", "DISCIPLINE_CLUE_TRANSFER");
        complete(task(), withVariables("headApproval", "APPROVE", "headOpinion", "同意移送"));
        runJobs(pi);
        assertThat(doubles.calls).containsExactly("record:CLUE_REGISTERED", "record:CLUE_ROUTED", "record:CLUE_DECIDED",
                "doc:CLUE_TRANSFER_LETTER", "package:DISCIPLINE_TRANSFER", "mail:disciplineCommission:clue-transfer",
                "record:CLUE_SENT");
        assertThat(pi).isWaitingAt("Task_RecordClueFeedback");
        assertThat(task()).hasCandidateGroup("agency-head");
        String id = task().getId();
        assertField(() -> taskService().complete(id, Map.of()), "clueReceivedOn");
        complete(task(), withVariables("clueReceivedOn", "2026-11-05", "clueFeedback", "已立案审查", "clueFeedbackOn", "2026-11-10"));
        assertThat(pi).isEnded().hasPassed("End_ClueTransferred");
        assertThat(doubles.calls).endsWith("record:CLUE_FEEDBACK");
    }

    /**
     * 监察法第三十七条 (应当移送): a clue about the agency's own leaders never waits for the agency head. It goes
     * straight to the commission with a copy to the supervisors, who also record the feedback.
     */
    @Test
    void clueAboutTheAgencyLeadersSkipsTheHeadAndGoesToTheCommissionWithACopyToTheSupervisor() {
        ProcessInstance pi = start("AGENCY_LEADER");
        runJobs(pi);
        assertThat(pi).hasNotPassed("Task_ApproveClueTransfer").isWaitingAt("Task_RecordClueFeedback");
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("Task_ApproveClueTransfer").count()).isZero();
        assertThat(doubles.calls).containsExactly("record:CLUE_REGISTERED", "record:CLUE_ROUTED", "record:CLUE_DIRECT",
                "doc:CLUE_TRANSFER_LETTER", "package:DISCIPLINE_TRANSFER",
                "mail:disciplineCommission,group:supervisor:clue-transfer-leader", "record:CLUE_SENT");
        assertThat(task()).hasCandidateGroup("supervisor");
        assertThat(taskService().getIdentityLinksForTask(task().getId())).hasSize(1);
        complete(task(), withVariables("clueReceivedOn", "2026-11-05"));
        assertThat(pi).isEnded().hasPassed("End_ClueTransferred");
    }

    @Test
    void agencyStaffGoesToTheInternalBodyAndRefusalIsToldToTheReceivingBody() {
        ProcessInstance internal = start("AGENCY_STAFF");
        assertThat(internal).isWaitingAt("Task_ApproveClueTransfer");
        complete(task(), withVariables("headApproval", "APPROVE"));
        runJobs(internal);
        assertThat(doubles.calls).contains("mail:disciplineInternal:clue-transfer");

        ProcessInstance refused = start("OTHER");
        assertThat(refused).isWaitingAt("Task_ApproveClueTransfer");
        String id = task().getId();
        assertField(() -> taskService().complete(id, Map.of("headApproval", "REFUSE")),
                "headOpinion");
        complete(task(), withVariables("headApproval", "REFUSE", "headOpinion", "线索不实"));
        assertThat(refused).isNotEnded();
        runJobs(refused);
        assertThat(refused).isEnded().hasPassed("Task_NotifyClueRefusal", "End_ClueNotTransferred");
        assertThat(doubles.calls).endsWith("record:CLUE_DECIDED", "mail:var:receivingBodyRecipient:clue-refusal");
        assertThat(doubles.calls).doesNotContain("record:CLUE_DIRECT");
    }

    @Test
    void overdueClueRemindsHeadAndSupervisorOnly() {
        ProcessInstance pi = start("OTHER");
        var timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        managementService().executeJob(timer.getId());
        runJobs(pi);
        assertThat(doubles.calls).contains("reminder:group:agency-head,group:supervisor:transfer-reminder");
        assertThat(pi).isWaitingAt("Task_ApproveClueTransfer");
    }

    /**
     * The grants of identity.AccessPolicy for the two transfer processes: officers get the criminal transfer
     * only; heads both; supervisors everything. With authorizations on, an officer of the agency finds no clue
     * instance, task or history; the head and the supervisor do.
     */
    @Test
    void clueInstancesAndTasksAreInvisibleToOfficers() {
        var config = (ProcessEngineConfigurationImpl) processEngine().getProcessEngineConfiguration();
        AuthorizationService authorizations = processEngine().getAuthorizationService();
        List<String> created = new java.util.ArrayList<>();
        grant(authorizations, created, "officer", Resources.PROCESS_DEFINITION, "criminal-case-transfer",
                READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY, READ_TASK);
        for (String key : List.of("criminal-case-transfer", "discipline-clue-transfer")) {
            grant(authorizations, created, "agency-head", Resources.PROCESS_DEFINITION, key,
                    READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY, READ_TASK);
        }
        grant(authorizations, created, "supervisor", Resources.PROCESS_DEFINITION, "*",
                READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
        config.setAuthorizationEnabled(true);
        try {
            start("OTHER");
            runtimeService().startProcessInstanceByKey("criminal-case-transfer", CASE_NO, Map.of("caseId",
                    "00000000-0000-0000-0000-000000000009", "agencyId", "xining", "leadOfficer", "zhangwei",
                    "transferTeam", "zhangwei,liqiang", "transferReason", "涉嫌犯罪"));
            assertThat(visible("zhangwei", "officer")).containsExactly(0L, 0L, 0L, 1L);
            assertThat(visible("zhaomin", "agency-head")).containsExactly(1L, 1L, 1L, 1L);
            assertThat(visible("sunli", "supervisor")).containsExactly(1L, 1L, 1L, 1L);
        } finally {
            config.setAuthorizationEnabled(false);
            created.forEach(authorizations::deleteAuthorization);
            authorizations.createAuthorizationQuery().resourceType(Resources.TASK).list()
                    .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        }
    }

    /** Clue instances, clue tasks, clue history and criminal instances the user sees in the engine. */
    private List<Long> visible(String user, String group) {
        identityService().setAuthentication(user, List.of(group), List.of("xining"));
        try {
            return List.of(
                    runtimeService().createProcessInstanceQuery().processDefinitionKey("discipline-clue-transfer").count(),
                    taskService().createTaskQuery().processDefinitionKey("discipline-clue-transfer").count(),
                    historyService().createHistoricProcessInstanceQuery().processDefinitionKey("discipline-clue-transfer").count(),
                    runtimeService().createProcessInstanceQuery().processDefinitionKey("criminal-case-transfer").count());
        } finally {
            identityService().clearAuthentication();
        }
    }

    private static void grant(AuthorizationService service, List<String> created, String group,
            org.camunda.bpm.engine.authorization.Resource resource, String id, Permission... permissions) {
        Authorization a = service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(group);
        a.setResource(resource);
        a.setResourceId(id);
        for (Permission p : permissions) {
            a.addPermission(p);
        }
        service.saveAuthorization(a);
        created.add(a.getId());
    }
}
