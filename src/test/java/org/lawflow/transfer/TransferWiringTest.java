package org.lawflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One way to wire BPMN to Java (#26): each step names its own bean, so no transfer code needs to know which
 * activity it runs in (an activity id in a Java string is the sign of a step switch coming back); the document,
 * package and mail steps are configured exactly as their Modeler element templates allow.
 */
class TransferWiringTest {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final List<String> MODELS = List.of("bpmn/criminal-case-transfer.bpmn",
            "bpmn/discipline-clue-transfer.bpmn");

    @Test
    void noTransferCodeNamesAnActivityOfTheTransferFlows() throws Exception {
        Set<String> ids = new TreeSet<>();
        for (String model : MODELS) {
            read(model).getModelElementsByType(FlowElement.class).forEach(element -> ids.add(element.getId()));
        }
        assertThat(ids).contains("Task_RegisterTransfer", "Task_ApproveClueTransfer");
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/lawflow/transfer"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String java = Files.readString(source);
                ids.stream().filter(id -> java.contains("\"" + id + "\""))
                        .forEach(id -> found.add(source.getFileName() + ": " + id));
            }
        }
        assertThat(found).isEmpty();
    }

    /**
     * A service task calling a template's delegate carries that template and only what it binds: the hidden
     * properties as given, fields the template names, a dropdown value among its choices, every required field.
     * Deadline reminders (reached from a timer) are left out: they are to be replaced as a whole.
     */
    @Test
    void documentPackageAndMailStepsMatchTheirElementTemplates() throws Exception {
        Map<String, JsonNode> byDelegate = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn/.camunda/element-templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (JsonNode template : new ObjectMapper().readTree(file.toFile())) {
                    for (JsonNode property : template.get("properties")) {
                        if (property.at("/binding/name").asText().equals("camunda:delegateExpression")) {
                            byDelegate.put(property.get("value").asText(), template);
                        }
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        int templated = 0;
        for (String model : MODELS) {
            for (ServiceTask task : read(model).getModelElementsByType(ServiceTask.class)) {
                JsonNode template = byDelegate.get(task.getCamundaDelegateExpression());
                String applied = task.getAttributeValueNs(CAMUNDA, "modelerTemplate");
                if (template == null || remindsOfADeadline(task)) {
                    if (applied != null && template == null) {
                        problems.add(task.getId() + ": template " + applied + " on a delegate it does not call");
                    }
                    continue;
                }
                templated++;
                problems.addAll(mismatches(task, template));
            }
        }
        assertThat(templated).isEqualTo(10);
        assertThat(problems).isEmpty();
    }

    private static List<String> mismatches(ServiceTask task, JsonNode template) {
        List<String> problems = new ArrayList<>();
        String id = task.getId();
        if (!template.get("id").asText().equals(task.getAttributeValueNs(CAMUNDA, "modelerTemplate"))
                || !template.get("version").asText().equals(task.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion"))) {
            problems.add(id + ": not marked with template " + template.get("id").asText() + " version "
                    + template.get("version").asText());
        }
        Map<String, String> fields = new HashMap<>();
        if (task.getExtensionElements() != null) {
            for (CamundaField field : task.getExtensionElements().getElementsQuery().filterByType(CamundaField.class).list()) {
                fields.put(field.getCamundaName(), field.getCamundaString() == null ? null
                        : field.getCamundaString().getTextContent());
            }
        }
        Set<String> bound = new TreeSet<>();
        for (JsonNode property : template.get("properties")) {
            String type = property.at("/binding/type").asText();
            String name = property.at("/binding/name").asText();
            if (type.equals("property")) {
                String value = task.getAttributeValueNs(CAMUNDA, name.substring("camunda:".length()));
                if (!property.get("value").asText().equals(value)) {
                    problems.add(id + ": " + name + " is " + value + ", the template sets " + property.get("value").asText());
                }
            } else if (type.equals("camunda:field")) {
                bound.add(name);
                String value = fields.get(name);
                if (value == null && property.at("/constraints/notEmpty").asBoolean()) {
                    problems.add(id + ": no value for the required field " + name);
                }
                if (value != null && property.get("type").asText().equals("Dropdown")
                        && property.get("choices").findValuesAsText("value").stream().noneMatch(value::equals)) {
                    problems.add(id + ": field " + name + " = " + value + " is not a choice of the template");
                }
            }
        }
        fields.keySet().stream().filter(name -> !bound.contains(name))
                .forEach(name -> problems.add(id + ": field " + name + " is not in the template"));
        return problems;
    }

    private static boolean remindsOfADeadline(ServiceTask task) {
        return task.getIncoming().stream().anyMatch(flow -> flow.getSource() instanceof BoundaryEvent event
                && event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance));
    }

    private static BpmnModelInstance read(String model) {
        return Bpmn.readModelFromFile(Path.of(model).toFile());
    }
}
