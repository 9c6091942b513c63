package org.lawflow.documents;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;

/**
 * Reads the {@code camunda:field}s of the current service task from the BPMN model. Delegates are singleton
 * beans and the engine injects fields into the shared bean before each call, so two jobs running at once could
 * see each other's values; reading the model of the executing element avoids that. Also names the step (activity
 * and visit) that makes document generation and mail sending idempotent across job retries.
 */
public final class DelegateFields {

    private final Map<String, String> values;
    private final DelegateExecution execution;
    /** Whether the values come from the BPMN element; then the singleton's injected fields are stale and ignored. */
    private final boolean fromModel;

    private DelegateFields(DelegateExecution execution, Map<String, String> values, boolean fromModel) {
        this.execution = execution;
        this.values = values;
        this.fromModel = fromModel;
    }

    public static DelegateFields of(DelegateExecution execution) {
        Map<String, String> values = new HashMap<>();
        var element = execution.getBpmnModelElementInstance();
        if (element != null && element.getExtensionElements() != null) {
            for (CamundaField field : element.getExtensionElements().getElementsQuery().filterByType(CamundaField.class)
                    .list()) {
                values.put(field.getCamundaName(), valueOf(field, execution));
            }
        }
        return new DelegateFields(execution, values, element != null);
    }

    private static String valueOf(CamundaField field, DelegateExecution execution) {
        String text = field.getCamundaStringValue();
        if (text == null && field.getCamundaString() != null) {
            text = field.getCamundaString().getTextContent();
        }
        if (text != null) {
            return text.strip();
        }
        String expression = field.getCamundaExpression();
        if (expression == null && field.getCamundaExpressionChild() != null) {
            expression = field.getCamundaExpressionChild().getTextContent();
        }
        if (expression == null) {
            return null;
        }
        Object value = Context.getProcessEngineConfiguration().getExpressionManager()
                .createExpression(expression.strip()).getValue(execution);
        return value == null ? null : String.valueOf(value).strip();
    }

    /**
     * The field's value from the model; the injected expression only where there is no model (unit tests). The
     * delegate beans are singletons, so an injected field may still hold another task's value: a field missing
     * on this element is absent, not inherited.
     */
    public String get(String name, Expression injected) {
        String value = values.get(name);
        if (value == null && !fromModel && injected != null) {
            Object v = injected.getValue(execution);
            value = v == null ? null : String.valueOf(v).strip();
        }
        return value == null || value.isBlank() ? null : value;
    }

    public String required(String name, Expression injected) {
        String value = get(name, injected);
        if (value == null) {
            throw new IllegalStateException("Service task " + execution.getCurrentActivityId() + " needs camunda:field '"
                    + name + "'");
        }
        return value;
    }

    /** A comma list field as trimmed items (empty when the field is missing). */
    public List<String> list(String name, Expression injected) {
        String value = get(name, injected);
        return value == null ? List.of()
                : Arrays.stream(value.split("[,，\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * How often this activity was completed before in this process instance, plus one. A retried job sees the
     * same number (the failed attempt was rolled back), a loop back to the activity a higher one.
     */
    public static int visit(DelegateExecution execution) {
        long finished = execution.getProcessEngineServices().getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId()).activityId(execution.getCurrentActivityId())
                .finished().count();
        return (int) finished + 1;
    }

    /** The step key: activity id, with "#n" from the second visit on. */
    public static String step(DelegateExecution execution) {
        int visit = visit(execution);
        return visit == 1 ? execution.getCurrentActivityId() : execution.getCurrentActivityId() + "#" + visit;
    }
}
