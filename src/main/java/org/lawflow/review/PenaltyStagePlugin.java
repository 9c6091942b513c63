package org.lawflow.review;

import java.util.Set;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.lawflow.system.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * Attaches {@link PenaltyStageListener} to the steps that set the penalty, and {@link StepSummaryListener} to the
 * review's other steps (each found by the form it shows), and gives 集体讨论 the agency's heads to pick from, when a definition is parsed, so every deployed version carries them. Built-in listeners run before the BPMN's own (the guards) and before the
 * full-process record, which then finds the step's Chinese summary.
 */
@Component
class PenaltyStagePlugin extends AbstractProcessEnginePlugin {

    private static final Set<String> REVIEW_TASKS = Set.of(PenaltyStageListener.STATEMENT,
            PenaltyStageListener.LEGAL_REVIEW, PenaltyStageListener.COLLECTIVE_DISCUSSION,
            PenaltyStageListener.HEAD_DECISION);

    private final PenaltyStageListener listener;
    private final StepSummaryListener summaries;
    private final CollectiveDiscussionGuard discussion;

    PenaltyStagePlugin(PenaltyStageListener listener, StepSummaryListener summaries,
            CollectiveDiscussionGuard discussion) {
        this.listener = listener;
        this.summaries = summaries;
        this.discussion = discussion;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.onUserTasks(configuration, (processKey, activityId, task) -> {
            String form = ParseListeners.formOf(task);
            boolean review = ReviewVariables.PROCESS_KEY.equals(processKey) && REVIEW_TASKS.contains(form);
            boolean hearing = PenaltyStageListener.HEARING_PROCESS.equals(processKey)
                    && PenaltyStageListener.HEARING_REPORT.equals(form);
            if (review || hearing) {
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener.forForm(form));
            }
            if (ReviewVariables.PROCESS_KEY.equals(processKey) && StepSummaryListener.TASKS.containsKey(form)) {
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, summaries.forForm(form));
            }
            if (review && !PenaltyStageListener.STATEMENT.equals(form)) {
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener.forForm(form));
            }
            if (review && PenaltyStageListener.COLLECTIVE_DISCUSSION.equals(form)) {
                // the heads to pick from (集体讨论's attendees are chosen, not typed)
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, discussion::offerHeads);
            }
        });
    }
}
