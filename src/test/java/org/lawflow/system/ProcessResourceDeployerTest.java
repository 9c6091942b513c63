package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

@LawFlowSpringTest
class ProcessResourceDeployerTest {

    @Autowired RepositoryService repositoryService;
    @Autowired ProcessResourceDeployer deployer;

    @Test
    void resourcesAreNamedRelativeToTheClasspathRootAndIncludeForms() {
        var deployment = repositoryService.createDeploymentQuery().deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().list().get(0);
        var names = repositoryService.getDeploymentResourceNames(deployment.getId());
        assertThat(names).contains("bpmn/case-filing-approval.bpmn", "forms/approve-case-filing.form");
        assertThat(names).allMatch(n -> n.startsWith("bpmn/") || n.startsWith("forms/"));
        assertThat(deployer.findResources().keySet()).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void redeployingUnchangedResourcesCreatesNoNewVersion() {
        long before = repositoryService.createProcessDefinitionQuery().processDefinitionKey("case-filing-approval").count();
        deployer.deploy();
        long after = repositoryService.createProcessDefinitionQuery().processDefinitionKey("case-filing-approval").count();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void everyUserTaskFormIsBoundToTheDeployment() {
        var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("case-filing-approval")
                .latestVersion().singleResult();
        var model = repositoryService.getBpmnModelInstance(definition.getId());
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class).forEach(task -> {
            assertThat(task.getCamundaFormRef()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
        });
    }
}
