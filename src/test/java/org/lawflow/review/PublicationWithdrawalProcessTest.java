package org.lawflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawflow.ProcessTestEngine;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.system.ChinaTime;

/**
 * Both paths of publication-withdrawal with the real BPMN: the start check runs first, the head decides within the
 * statutory 3 working days (行政处罚法第四十八条) and is reminded when they pass, and the recording step gets the
 * decision (its effect on the public page is tested through REST in {@link PublicationChangeApiTest}).
 */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = {"bpmn/publication-withdrawal.bpmn", "forms/approve-publication-withdrawal.form"})
class PublicationWithdrawalProcessTest {

    /** Monday 2026-11-23 09:00 in Beijing. */
    static final Instant START = Instant.parse("2026-11-23T01:00:00Z");

    final List<String> calls = new ArrayList<>();

    @BeforeEach
    void registerDoubles() {
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("deadlines", StatutoryDeadlines.fromDataFile());
        org.lawflow.RecordingReminder.register(calls);
        Mocks.register("publicationWithdrawalStartCheck", (ExecutionListener) e -> calls.add("startCheck"));
        Mocks.register("publicationWithdrawalRecord", (JavaDelegate) e -> calls.add("record:"
                + e.getVariable(PublicationWithdrawalRecord.DECISION) + ":" + e.getVariable(PublicationWithdrawalRecord.OPINION)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("publication-withdrawal", "宁交执罚〔2026〕7号",
                withVariables("caseId", "00000000-0000-0000-0000-000000000007", "caseNo", "宁交执罚〔2026〕7号",
                        "agencyId", "xining", "publicationChangeId", "00000000-0000-0000-0000-0000000000c1",
                        "changedOn", "2026-11-23", "withdrawalReason", "复议机关撤销原处罚决定", "requestedBy", "zhangwei"));
    }

    @Test
    void theHeadApprovesWithinThreeWorkingDaysAndTheWithdrawalIsRecorded() {
        var pi = start();
        assertThat(calls).containsExactly("startCheck");
        assertThat(pi).isWaitingAt("Task_ApproveWithdrawal");
        assertThat(task()).hasCandidateGroup("agency-head").hasName("负责人审批撤回公示");
        // Mon 11-23 + 3 working days = Thu 11-26, end of the day in China
        assertThat(task().getDueDate().toInstant().atZone(ChinaTime.ZONE).toLocalDate())
                .isEqualTo(LocalDate.of(2026, 11, 26));

        complete(task(), withVariables("withdrawalDecision", "APPROVE", "withdrawalOpinion", "决定已被撤销，同意撤回"));

        assertThat(pi).isEnded().hasPassed("Task_RecordWithdrawalDecision");
        assertThat(calls).containsExactly("startCheck", "record:APPROVE:决定已被撤销，同意撤回");
    }

    @Test
    void theHeadRefusesWithReasonsAndTheRefusalIsRecorded() {
        var pi = start();
        assertThat(pi).isWaitingAt("Task_ApproveWithdrawal");
        complete(task(), withVariables("withdrawalDecision", "REFUSE", "withdrawalOpinion", "复议决定尚未生效"));

        assertThat(pi).isEnded().hasPassed("Task_RecordWithdrawalDecision");
        assertThat(calls).containsExactly("startCheck", "record:REFUSE:复议决定尚未生效");
    }

    @Test
    void anUndecidedRequestRemindsHeadAndSupervisorAtTheDeadline() {
        var pi = start();
        assertThat(pi).isWaitingAt("Task_ApproveWithdrawal");
        var reminder = managementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId("Task_ApproveWithdrawal").singleResult();
        assertThat(reminder.getDuedate()).as("the reminder fires at the task's own deadline")
                .isEqualTo(task().getDueDate());

        execute(reminder);

        assertThat(calls).contains("reminder:group:agency-head,group:supervisor:deadline-reminder");
        assertThat(pi).isWaitingAt("Task_ApproveWithdrawal");
    }
}
