package org.lawflow.system;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The one way LawFlow adds behaviour when a definition is parsed instead of writing it into each BPMN: a parse
 * listener registered from a process engine plugin's {@code preInit}, run after Camunda's own parsing. It applies to
 * every deployed version, also the older ones that running instances still use.
 */
public final class ParseListeners {

    /** Receives each parsed user task with its process definition key and activity id. */
    @FunctionalInterface
    public interface OnUserTask {
        void parsed(String processKey, String activityId, TaskDefinition task);
    }

    /** Adds a parse listener; to be called from a process engine plugin's {@code preInit}. */
    public static void add(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(listener);
    }

    /** Calls back for every parsed user task (to add task listeners); from a plugin's {@code preInit}. */
    public static void onUserTasks(ProcessEngineConfigurationImpl configuration, OnUserTask onUserTask) {
        add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                String processKey = activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        ? definition.getKey() : null;
                var behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
                onUserTask.parsed(processKey, activity.getId(), behavior.getTaskDefinition());
            }
        });
    }

    /**
     * Adds {@code listener} as a built-in listener of {@code event} (it runs before the BPMN's own) to every user task
     * that shows the Camunda Form {@code formId}, in any process; from a plugin's {@code preInit}.
     */
    public static void onForm(ProcessEngineConfigurationImpl configuration, String formId, String event,
            org.camunda.bpm.engine.delegate.TaskListener listener) {
        onUserTasks(configuration, (processKey, activityId, task) -> {
            if (formId.equals(formOf(task))) {
                task.addBuiltInTaskListener(event, listener);
            }
        });
    }

    /**
     * The Camunda Form a parsed user task shows ({@code camunda:formRef}), or null: behaviour added at parse time picks
     * its tasks by what they ask, never by activity id (BpmnContractTest), and the form ids are checked to exist.
     */
    public static String formOf(TaskDefinition task) {
        var form = task.getFormDefinition() == null ? null : task.getFormDefinition().getCamundaFormDefinitionKey();
        return form == null ? null : form.getExpressionText();
    }

    private ParseListeners() {
    }
}
