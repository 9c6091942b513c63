package org.lawflow.review;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.lawflow.system.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * Attaches {@link PublicationPreviewListener} to 确认公示内容 (the task with its form) when a definition is parsed
 * rather than in the BPMN:
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
        ParseListeners.onUserTasks(configuration, (processKey, activityId, task) -> {
            if (ReviewVariables.PROCESS_KEY.equals(processKey)
                    && PublicationPreviewListener.FORM.equals(ParseListeners.formOf(task))) {
                task.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
                task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
            }
        });
    }
}
