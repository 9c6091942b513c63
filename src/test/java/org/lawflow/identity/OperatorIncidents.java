package org.lawflow.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.context.ApplicationContext;

/**
 * A technical incident in an agency, as operators meet them: a job whose expression names no bean fails until its
 * retries are gone. The operators' grants are then renewed as at the next start (a test deploys after the start).
 */
public final class OperatorIncidents {

    public static final String KEY = "operator-incident-test";
    public static final String FAILURE = "operatorTestHasNoSuchBean";

    private OperatorIncidents() {
    }

    /** Starts an instance in {@code agency} with a party's name as variable; returns it once it has its incident. */
    public static String incidentIn(ApplicationContext context, String agency) {
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        engine.getRepositoryService().createDeployment().name(KEY + "-" + agency).tenantId(agency)
                .enableDuplicateFiltering(true)
                .addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY).name("运维故障测试")
                        .camundaHistoryTimeToLive(1).startEvent().serviceTask("Task_Fails").name("发送通知")
                        .camundaAsyncBefore().camundaExpression("${" + FAILURE + "}").endEvent().done())
                .deploy();
        String pi = engine.getRuntimeService().createProcessInstanceByKey(KEY).processDefinitionTenantId(agency)
                .businessKey("运维-" + agency).setVariable("partyName", "马建国").execute().getId();
        // the retry cycle (R5/PT5M) gives a job its retries at its first failure: fail until none are left
        var management = engine.getManagementService();
        for (int attempt = 0; attempt < 10
                && engine.getRuntimeService().createIncidentQuery().processInstanceId(pi).count() == 0; attempt++) {
            Job job = management.createJobQuery().processInstanceId(pi).singleResult();
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining(FAILURE);
        }
        context.getBean(OperatorAuthorizations.class).ensureGrants();
        return pi;
    }
}
