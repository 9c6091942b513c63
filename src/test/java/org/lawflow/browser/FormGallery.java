package org.lawflow.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * Every Camunda Form of forms/ as an open task of one user, so that a browser test can look at each form in Tasklist
 * without walking every flow to it: a throw-away process with one user task per form ({@code formRef}, binding
 * {@code deployment}) deployed together with the form files. The forms then show without the variables a real case
 * gives them (the real flows are walked for the forms where those matter, see {@link TaskFormInputTest}).
 */
final class FormGallery implements AutoCloseable {

    static final String PROCESS_KEY = "lawflow-form-gallery";

    private final ProcessEngine engine;
    private final String deploymentId;
    private final String authorizationId;
    /** The open task of each form, by form id. */
    final Map<String, String> tasks = new LinkedHashMap<>();

    /** The gallery's tasks for {@code assignee}, with {@code variables} (a real case's ids: some forms offer its staff). */
    FormGallery(ProcessEngine engine, String assignee, Map<String, Object> variables) {
        this.engine = engine;
        List<Path> forms = formFiles();
        var fork = Bpmn.createExecutableProcess(PROCESS_KEY).name("表单检查").camundaHistoryTimeToLive(1)
                .startEvent().parallelGateway("Gateway_Fork");
        for (int i = 0; i < forms.size(); i++) {
            fork.moveToNode("Gateway_Fork").userTask("Task_Form" + i).name("表单检查" + (i + 1)).camundaAssignee(assignee)
                    .camundaFormRef(formId(forms.get(i))).camundaFormRefBinding("deployment").endEvent("End_Form" + i);
        }
        var deployment = engine.getRepositoryService().createDeployment().name("表单检查")
                .addModelInstance("form-gallery.bpmn", fork.done());
        for (Path form : forms) {
            try {
                deployment.addString("forms/" + form.getFileName(), Files.readString(form));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        deploymentId = deployment.deploy().getId();
        // the assignee reads and works the gallery's tasks through their process definition (READ_TASK, TASK_WORK)
        var authorizations = engine.getAuthorizationService();
        var grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(assignee);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(PROCESS_KEY);
        grant.addPermission(Permissions.ALL);
        authorizationId = authorizations.saveAuthorization(grant).getId();
        String instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, variables).getId();
        for (var task : engine.getTaskService().createTaskQuery().processInstanceId(instance).list()) {
            String form = formId(forms.get(Integer.parseInt(task.getTaskDefinitionKey().substring("Task_Form".length()))));
            tasks.put(form, task.getId());
        }
    }

    static List<Path> formFiles() {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String formId(Path form) {
        String name = form.getFileName().toString();
        return name.substring(0, name.length() - ".form".length());
    }

    @Override
    public void close() {
        engine.getAuthorizationService().deleteAuthorization(authorizationId);
        engine.getRepositoryService().deleteDeployment(deploymentId, true, true);
    }
}
