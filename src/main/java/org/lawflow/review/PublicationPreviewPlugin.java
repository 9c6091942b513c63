package org.lawflow.review;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Attaches {@link PublicationPreviewListener} to 确认公示内容 when a definition is parsed rather than in the BPMN:
 * so every deployed version of the review carries it, also the older ones that running cases still use.
 */
@Component
class PublicationPreviewPlugin extends AbstractProcessEnginePlugin {

    private final PublicationPreviewListener listener;

    PublicationPreviewPlugin(PublicationPreviewListener listener) {
        this.listener = listener;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (PublicationPreviewListener.TASK.equals(activity.getId())
                        && activity.getProcessDefinition() instanceof ProcessDefinitionEntity definitionEntity
                        && ReviewVariables.PROCESS_KEY.equals(definitionEntity.getKey())) {
                    var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                    definition.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
                    definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
                }
            }
        });
    }
}
