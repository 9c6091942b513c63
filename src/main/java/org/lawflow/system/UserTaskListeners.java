package org.lawflow.system;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Task listeners added when a definition is parsed instead of written into each BPMN: they apply to every user task
 * (or the ones chosen) of every deployed version, also the older versions that running instances still use.
 */
public final class UserTaskListeners {

    /** Receives each parsed user task with its process definition key and activity id. */
    @FunctionalInterface
    public interface OnUserTask {
        void parsed(String processKey, String activityId, TaskDefinition task);
    }

    /** To be called from a process engine plugin's {@code preInit}. */
    public static void add(ProcessEngineConfigurationImpl configuration, OnUserTask onUserTask) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                String processKey = activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        ? definition.getKey() : null;
                var behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
                onUserTask.parsed(processKey, activity.getId(), behavior.getTaskDefinition());
            }
        });
    }

    private UserTaskListeners() {
    }
}
