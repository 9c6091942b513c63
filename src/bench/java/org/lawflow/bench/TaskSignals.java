package org.lawflow.bench;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Tells a waiting simulated user that something changed for their case: a user task was created or a process
 * instance ended (after the transaction committed, so the user's next query sees it). The user then looks at the
 * task list once, instead of looking every few milliseconds; a look every {@link SimulatedUsers#POLL_MILLIS} ms
 * remains as a fallback. Installed the same way in LawFlow and in the bare engine (an engine plugin adding
 * listeners at parse time), so both sides pay the same small cost for it.
 */
final class TaskSignals extends AbstractProcessEnginePlugin {

    /** A counter per business key (case number); a waiter remembers the value it saw before its query. */
    private static final ConcurrentHashMap<String, Signal> SIGNALS = new ConcurrentHashMap<>();

    static final class Signal {
        private long version;

        synchronized long version() {
            return version;
        }

        synchronized void bump() {
            version++;
            notifyAll();
        }

        /** Waits until the version moved past {@code seen} or the time is up. */
        synchronized void awaitChange(long seen, long millis) throws InterruptedException {
            long until = System.currentTimeMillis() + millis;
            for (long left = millis; version == seen && left > 0; left = until - System.currentTimeMillis()) {
                wait(left);
            }
        }
    }

    static Signal of(String businessKey) {
        return SIGNALS.computeIfAbsent(businessKey, key -> new Signal());
    }

    /** Forgets a finished case (the driver calls it after the flow, so the map stays small). */
    static void forget(String businessKey) {
        SIGNALS.remove(businessKey);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                var behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
                behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE,
                        task -> afterCommit(task.getExecution().getProcessBusinessKey()));
            }

            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addListener(ExecutionListener.EVENTNAME_END,
                        (ExecutionListener) execution -> afterCommit(execution.getProcessBusinessKey()));
            }
        });
    }

    private static void afterCommit(String businessKey) {
        if (businessKey != null) {
            Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    context -> of(businessKey).bump());
        }
    }
}
