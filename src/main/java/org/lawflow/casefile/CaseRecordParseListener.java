package org.lawflow.casefile;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.lawflow.system.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * Full-process record for every user task of every flow, without a listener in each BPMN: when a task is
 * completed, who completed it, when, and the opinion they gave go into the case's event log.
 * Opinions are read from the task-local or process variables named in {@link #OPINION_VARIABLES}; a step that
 * decides (法制审核, 负责人决定, ...) leaves its summary in Chinese in the task-local {@code recordDetail} first.
 */
@Component
class CaseRecordParseListener extends AbstractProcessEnginePlugin {

    static final List<String> OPINION_VARIABLES = List.of("recordDetail", "opinion", "filingOpinion", "reviewOpinion",
            "decisionOpinion", "reason", "comment");

    private final CaseEvents events;

    CaseRecordParseListener(CaseEvents events) {
        this.events = events;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.onUserTasks(configuration,
                (processKey, activityId, task) -> task.addTaskListener(TaskListener.EVENTNAME_COMPLETE,
                        recorder(CaseFlows.DISCIPLINE_CLUE_TRANSFER.equals(processKey))));
    }

    private TaskListener recorder(boolean clue) {
        return task -> {
            Object caseId = task.getVariable(CaseFlows.VAR_CASE_ID);
            if (caseId instanceof String id) {
                events.record(UUID.fromString(id), actor(task), task.getName(), "完成", opinion(task), clue);
            }
        };
    }

    private static String actor(DelegateTask task) {
        var authenticated = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authenticated != null) {
            return authenticated.getUserId();
        }
        return task.getAssignee() == null ? "system" : task.getAssignee();
    }

    private static String opinion(DelegateTask task) {
        for (String name : OPINION_VARIABLES) {
            Object value = task.getVariableLocal(name) != null ? task.getVariableLocal(name) : task.getVariable(name);
            if (value != null && !String.valueOf(value).isBlank()) {
                return String.valueOf(value);
            }
        }
        return null;
    }
}
