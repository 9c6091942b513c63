package org.lawflow.calendar;

import java.util.Optional;

import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The process instance on whose behalf the engine is evaluating a deadline expression right now (a task's due date,
 * a timer, a listener), read from the engine's execution context; empty outside the engine (REST, Java callers).
 */
record EngineExecution(String processInstanceId, String activityId, String businessKey, String tenantId) {

    static Optional<EngineExecution> current() {
        if (Context.getCommandContext() == null) {
            return Optional.empty();
        }
        BpmnExecutionContext context = Context.getBpmnExecutionContext();
        ExecutionEntity execution = context == null ? null : context.getExecution();
        if (execution == null || execution.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        return Optional.of(new EngineExecution(execution.getProcessInstanceId(), execution.getActivityId(),
                execution.getProcessBusinessKey(), execution.getTenantId()));
    }
}
