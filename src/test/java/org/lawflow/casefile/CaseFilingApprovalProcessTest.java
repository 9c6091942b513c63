package org.lawflow.casefile;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.test.Deployment;
import org.lawflow.ProcessTestEngine;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = {"bpmn/case-filing-approval.bpmn", "forms/approve-case-filing.form"})
class CaseFilingApprovalProcessTest {

    final List<Object> recordedDecisions = new ArrayList<>();

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void headDecidesAndTheDecisionIsRecorded() {
        Mocks.register("caseFilingDecisionDelegate",
                (org.camunda.bpm.engine.delegate.JavaDelegate) e -> recordedDecisions.add(e.getVariable("filingDecision")));
        var instance = runtimeService().startProcessInstanceByKey("case-filing-approval", "宁交执罚〔2026〕1号",
                withVariables("caseId", "00000000-0000-0000-0000-000000000001"));

        assertThat(instance).isWaitingAt("Task_ApproveCaseFiling");
        assertThat(task()).hasCandidateGroup("agency-head");
        complete(task(), withVariables("filingDecision", "reject", "filingOpinion", "不属于本机关管辖"));

        assertThat(instance).hasPassed("Task_RecordFilingDecision").isEnded();
        org.assertj.core.api.Assertions.assertThat(recordedDecisions).containsExactly("reject");
    }
}
