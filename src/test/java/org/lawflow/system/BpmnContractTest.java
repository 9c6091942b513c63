package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.documents.DocumentKind;
import org.lawflow.documents.PackageKind;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The contract between the models and the Java code, checked without starting anything: every bean a BPMN
 * expression names exists, every form, DMN decision, statutory period, document kind and mail template resolves,
 * every message a Java service correlates is declared; every user task has a form, a due date and documentation
 * (Tasklist's 说明 tab: what the step is for and its legal basis); every element template a task names exists and
 * the task binds exactly what it describes; every message and signal a model throws or catches is declared; and
 * no Java source repeats an activity id (one named bean per step instead, issue #26). Each rule is also run on a
 * small broken model, so the check itself is known to fail.
 */
class BpmnContractTest {

    private static final Pattern PERIOD = Pattern.compile("deadlines\\.due\\('([A-Z_]+)'");
    /** Names an expression may start with that are not beans: engine variables and process variables. */
    private static final Set<String> NOT_BEANS = Set.of("execution", "task", "now", "dateTime", "authenticatedUserId",
            "true", "false", "not", "empty");
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** A string literal shaped like an activity id (the project's naming convention for BPMN ids). */
    static final Pattern ACTIVITY_ID_LITERAL = Pattern.compile("\"((?:Task|Gateway|Event|Start|End|Timer|Boundary)_[A-Za-z]+)\"");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([A-Za-z][A-Za-z0-9_]*)\"");



    /**
     * The one lasting exception: the monthly statistics count what happened from the engine's history, which knows
     * steps only by activity id. They read, they do not wire; every id they name must exist in a model, so renaming
     * a step in the Modeler fails here instead of silently counting zero.
     */
    static final Set<String> HISTORY_READERS = Set.of("org/lawflow/monitor/MonthlyStatistics.java");

    @Test
    void everyModelResolves() throws Exception {
        Catalog catalog = Catalog.load();
        List<String> problems = new ArrayList<>();
        Set<String> messages = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                String xml = Files.readString(file);
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                problems.addAll(modelProblems(file.getFileName().toString(), xml, model, catalog));
                model.getModelElementsByType(Message.class).forEach(m -> messages.add(m.getName()));
            }
        }
        for (String correlated : correlatedMessages()) {
            if (!messages.contains(correlated)) {
                problems.add("Java correlates message " + correlated + " that no model declares");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noJavaSourceRepeatsAnActivityId() throws Exception {
        Set<String> modelIds = modelActivityIds();
        Map<String, List<String>> offenders = new HashMap<>();
        Path root = Path.of("src/main/java");
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path file : sources.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> ids = activityIdLiterals(Files.readString(file), modelIds);
                if (!ids.isEmpty()) {
                    offenders.put(root.relativize(file).toString().replace('\\', '/'), ids);
                }
            }
        }
        Set<String> allowed = new HashSet<>(HISTORY_READERS);
        List<String> problems = new ArrayList<>();
        for (String reader : HISTORY_READERS) {
            offenders.getOrDefault(reader, List.of()).stream().filter(id -> !modelIds.contains(id))
                    .forEach(id -> problems.add(reader + " reads history of " + id + ", which no model has"));
        }
        offenders.forEach((file, ids) -> {
            if (!allowed.contains(file)) {
                problems.add(file + " names activity ids " + ids + ": wire one named bean per step instead");
            }
        });
        for (String file : allowed) {
            if (!offenders.containsKey(file)) {
                problems.add(file + " no longer names activity ids: remove it from its pending allow-list");
            }
        }
        assertThat(problems).isEmpty();
    }

    // --- each rule fails on a small broken model ---

    @Test
    void userTaskWithoutFormDueDateOrDocumentationIsReported() throws Exception {
        String task = """
                <bpmn:userTask id="Task_Bare" name="空任务"/>""";
        assertThat(problemsOf(task)).anySatisfy(p -> assertThat(p).contains("Task_Bare: form null not in forms/"))
                .anySatisfy(p -> assertThat(p).contains("Task_Bare: no due date"))
                .anySatisfy(p -> assertThat(p).contains("Task_Bare: no documentation"));
        String complete = """
                <bpmn:userTask id="Task_Complete" name="完整任务" camunda:formRef="schedule-hearing"
                    camunda:formRefBinding="deployment" camunda:dueDate="${deadlines.due('HEARING_REPORT', now())}">
                  <bpmn:documentation>说明：本任务的目的和法律依据。</bpmn:documentation>
                </bpmn:userTask>""";
        assertThat(problemsOf(complete)).isEmpty();
    }

    @Test
    void missingBeanIsReported() throws Exception {
        String task = """
                <bpmn:serviceTask id="Task_Unwired" name="无此Bean" camunda:delegateExpression="${noSuchStepDelegate}"/>""";
        assertThat(problemsOf(task)).containsExactly("broken.bpmn: no bean noSuchStepDelegate (delegateExpression)");
    }

    @Test
    void unknownElementTemplateIsReported() throws Exception {
        String task = """
                <bpmn:serviceTask id="Task_Doc" name="生成文书" camunda:modelerTemplate="org.lawflow.no-such-template"
                    camunda:asyncBefore="true" camunda:delegateExpression="${generateDocumentDelegate}"/>""";
        assertThat(problemsOf(task)).containsExactly(
                "broken.bpmn Task_Doc: element template org.lawflow.no-such-template not in bpmn/.camunda/element-templates");
    }

    @Test
    void taskNotBindingWhatItsTemplateDescribesIsReported() throws Exception {
        String task = """
                <bpmn:serviceTask id="Task_Mail" name="发送" camunda:modelerTemplate="org.lawflow.send-mail"
                    camunda:modelerTemplateVersion="2" camunda:delegateExpression="${generateDocumentDelegate}">
                  <bpmn:extensionElements>
                    <camunda:field name="recipients"><camunda:expression>${party}</camunda:expression></camunda:field>
                    <camunda:field name="attachPackage"><camunda:string>NO_SUCH_PACKAGE</camunda:string></camunda:field>
                    <camunda:field name="subject"><camunda:string>自拟标题</camunda:string></camunda:field>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>""";
        assertThat(problemsOf(task)).containsExactlyInAnyOrder(
                "broken.bpmn Task_Mail: template org.lawflow.send-mail is version 1, the task says 2",
                "broken.bpmn Task_Mail: camunda:delegateExpression must be ${sendMailDelegate} (template org.lawflow.send-mail), is ${generateDocumentDelegate}",
                "broken.bpmn Task_Mail: camunda:asyncBefore must be true (template org.lawflow.send-mail), is null",
                "broken.bpmn Task_Mail: camunda:field recipients is an expression, template org.lawflow.send-mail binds a string",
                "broken.bpmn Task_Mail: camunda:field template is required by template org.lawflow.send-mail",
                "broken.bpmn Task_Mail: camunda:field attachPackage = NO_SUCH_PACKAGE is not a choice of template org.lawflow.send-mail",
                "broken.bpmn Task_Mail: camunda:field subject is not bound by template org.lawflow.send-mail");
        String applied = """
                <bpmn:serviceTask id="Task_Doc" name="生成文书" camunda:modelerTemplate="org.lawflow.generate-document"
                    camunda:modelerTemplateVersion="1" camunda:asyncBefore="true"
                    camunda:delegateExpression="${generateDocumentDelegate}">
                  <bpmn:extensionElements>
                    <camunda:field name="kind"><camunda:string>HEARING_NOTICE</camunda:string></camunda:field>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>""";
        assertThat(problemsOf(applied)).isEmpty();
    }

    @Test
    void undeclaredMessageOrSignalIsReported() throws Exception {
        String events = """
                <bpmn:intermediateCatchEvent id="Event_Waits" name="等待消息">
                  <bpmn:messageEventDefinition id="Def_Waits" messageRef="Msg_Undeclared"/>
                </bpmn:intermediateCatchEvent>
                <bpmn:intermediateThrowEvent id="Event_Signals" name="发出信号">
                  <bpmn:signalEventDefinition id="Def_Signals" signalRef="Signal_Undeclared"/>
                </bpmn:intermediateThrowEvent>
                <bpmn:intermediateCatchEvent id="Event_Unnamed" name="无消息">
                  <bpmn:messageEventDefinition id="Def_Unnamed"/>
                </bpmn:intermediateCatchEvent>
                <bpmn:receiveTask id="Task_Receives" name="接收" messageRef="Msg_AlsoUndeclared"/>""";
        assertThat(problemsOf(events)).containsExactlyInAnyOrder(
                "broken.bpmn Event_Waits: message Msg_Undeclared is not declared (bpmn:message with a name)",
                "broken.bpmn Event_Signals: signal Signal_Undeclared is not declared (bpmn:signal with a name)",
                "broken.bpmn Event_Unnamed: message null is not declared (bpmn:message with a name)",
                "broken.bpmn Task_Receives: message Msg_AlsoUndeclared is not declared (bpmn:message with a name)");
    }

    @Test
    void activityIdInJavaIsReported() {
        String java = """
                class Dispatch {
                    void on(String key) {
                        switch (key) {
                            case "Task_SomeStep" -> step();
                            case "Flow_NotAnActivity" -> other();
                        }
                        query.activityId("SubProcess_Filing");
                        log("听证：Task_InProse is text, not a literal id");
                    }
                }""";
        assertThat(activityIdLiterals(java, Set.of("SubProcess_Filing"))).containsExactly("Task_SomeStep",
                "SubProcess_Filing");
    }

    // --- the rules ---

    /** Everything one model must satisfy; {@code name} labels the problems. */
    static List<String> modelProblems(String name, String xml, BpmnModelInstance model, Catalog catalog) {
        List<String> problems = new ArrayList<>();
        // ${bean} as a delegate, ${bean.method(...)} in any expression: the bean must exist
        Matcher delegate = Pattern.compile("delegateExpression=\"\\$\\{\\s*([a-zA-Z0-9]+)\\s*}\"").matcher(xml);
        while (delegate.find()) {
            if (!catalog.beans().contains(delegate.group(1))) {
                problems.add(name + ": no bean " + delegate.group(1) + " (delegateExpression)");
            }
        }
        Matcher call = Pattern.compile("\\$\\{\\s*([a-zA-Z][a-zA-Z0-9]*)\\.[a-zA-Z]+\\(").matcher(xml);
        while (call.find()) {
            if (!NOT_BEANS.contains(call.group(1)) && !catalog.beans().contains(call.group(1))) {
                problems.add(name + ": no bean " + call.group(1) + " (method call in an expression)");
            }
        }
        Matcher period = PERIOD.matcher(xml);
        while (period.find()) {
            try {
                StatutoryPeriod.valueOf(period.group(1));
            } catch (IllegalArgumentException e) {
                problems.add(name + ": unknown statutory period " + period.group(1));
            }
        }
        fieldValues(name, model, catalog, problems);
        for (BusinessRuleTask rule : model.getModelElementsByType(BusinessRuleTask.class)) {
            if (!catalog.decisions().contains(rule.getCamundaDecisionRef())) {
                problems.add(name + ": no DMN decision " + rule.getCamundaDecisionRef());
            }
        }
        userTasks(name, model, catalog, problems);
        elementTemplates(name, model, catalog, problems);
        messagesAndSignals(name, model, problems);
        return problems;
    }

    private static void fieldValues(String name, BpmnModelInstance model, Catalog catalog, List<String> problems) {
        for (CamundaField field : model.getModelElementsByType(CamundaField.class)) {
            String value = stringValue(field);
            if (value == null) {
                continue;
            }
            if (field.getCamundaName().equals("kind") || field.getCamundaName().equals("documents")) {
                var task = field.getParentElement().getParentElement();
                // a package step's "kind" is a package kind, its "documents" are document kinds
                boolean packageStep = task instanceof ServiceTask service
                        && String.valueOf(service.getCamundaDelegateExpression()).contains("buildPackage")
                        && field.getCamundaName().equals("kind");
                for (String kind : value.split(",")) {
                    try {
                        if (packageStep) {
                            PackageKind.valueOf(kind.strip());
                        } else {
                            DocumentKind.valueOf(kind.strip());
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add(name + ": unknown " + (packageStep ? "package" : "document") + " kind " + kind);
                    }
                }
            }
            if (field.getCamundaName().equals("template") && !catalog.mailTemplates().contains(value.strip())) {
                problems.add(name + ": no mail template templates/mail/" + value.strip() + ".txt");
            }
        }
    }

    private static void userTasks(String name, BpmnModelInstance model, Catalog catalog, List<String> problems) {
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String id = name + " " + task.getId();
            String form = task.getCamundaFormRef();
            if (form == null || !catalog.forms().contains(form)) {
                problems.add(id + ": form " + form + " not in forms/");
            }
            boolean due = task.getCamundaDueDate() != null && !task.getCamundaDueDate().isBlank();
            if (!due && !catalog.noDueDateByLaw().contains(task.getId())) {
                problems.add(id + ": no due date (camunda:dueDate, or a reason in DueDatesOnTasksTest.NO_STATUTORY_PERIOD)");
            }
            boolean documented = task.getChildElementsByType(Documentation.class).stream()
                    .anyMatch(d -> d.getTextContent() != null && d.getTextContent().strip().length() >= 10);
            if (!documented) {
                problems.add(id + ": no documentation (purpose and legal basis, shown in Tasklist's 说明 tab)");
            }
        }
    }

    /**
     * A task naming an element template binds what the template describes, as the Modeler would: the template
     * exists and applies to the element, the version matches, hidden values are exact, required values present,
     * dropdown values among the choices, fields given as a string or an expression as bound, and nothing bound
     * that the template does not know (the Modeler would not show it).
     */
    private static void elementTemplates(String name, BpmnModelInstance model, Catalog catalog, List<String> problems) {
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String templateId = element.getAttributeValueNs(CAMUNDA, "modelerTemplate");
            if (templateId == null) {
                continue;
            }
            String id = name + " " + element.getId();
            JsonNode template = catalog.elementTemplates().get(templateId);
            if (template == null) {
                problems.add(id + ": element template " + templateId + " not in bpmn/.camunda/element-templates");
                continue;
            }
            String type = "bpmn:" + Character.toUpperCase(element.getElementType().getTypeName().charAt(0))
                    + element.getElementType().getTypeName().substring(1);
            boolean applies = false;
            for (JsonNode t : template.path("appliesTo")) {
                applies |= t.asText().equals(type);
            }
            if (!applies) {
                problems.add(id + ": template " + templateId + " does not apply to " + type);
            }
            String version = element.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion");
            String expected = template.has("version") ? template.get("version").asText() : null;
            if (!Objects.equals(expected, version)) {
                problems.add(id + ": template " + templateId + " is version " + expected + ", the task says " + version);
            }
            Map<String, CamundaField> fields = new HashMap<>();
            Map<String, CamundaInputParameter> inputs = new HashMap<>();
            if (element.getExtensionElements() != null) {
                for (ModelElementInstance child : element.getExtensionElements().getElements()) {
                    if (child instanceof CamundaField field) {
                        fields.put(field.getCamundaName(), field);
                    }
                }
                element.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()
                        .forEach(io -> io.getCamundaInputParameters().forEach(p -> inputs.put(p.getCamundaName(), p)));
            }
            Set<String> boundFields = new HashSet<>();
            Set<String> boundInputs = new HashSet<>();
            for (JsonNode property : template.path("properties")) {
                JsonNode binding = property.path("binding");
                String bindingName = binding.path("name").asText();
                String what;
                String value;
                switch (binding.path("type").asText()) {
                    case "property" -> {
                        what = bindingName;
                        value = bindingName.startsWith("camunda:")
                                ? element.getAttributeValueNs(CAMUNDA, bindingName.substring("camunda:".length()))
                                : element.getAttributeValue(bindingName);
                    }
                    case "camunda:field" -> {
                        boundFields.add(bindingName);
                        what = "camunda:field " + bindingName;
                        CamundaField field = fields.get(bindingName);
                        boolean bindsExpression = binding.path("expression").asBoolean(false);
                        String expression = field == null ? null : expressionValue(field);
                        value = field == null ? null : bindsExpression ? expression : stringValue(field);
                        if (field != null && (expression != null) != bindsExpression) {
                            problems.add(id + ": " + what + " is " + (bindsExpression ? "a string" : "an expression")
                                    + ", template " + templateId + " binds " + (bindsExpression ? "an expression" : "a string"));
                            continue;
                        }
                    }
                    case "camunda:inputParameter" -> {
                        boundInputs.add(bindingName);
                        what = "camunda:inputParameter " + bindingName;
                        CamundaInputParameter input = inputs.get(bindingName);
                        value = input == null ? null : input.getTextContent();
                    }
                    default -> {
                        problems.add(id + ": template " + templateId + " uses binding " + binding.path("type").asText()
                                + ", which this check does not know yet");
                        continue;
                    }
                }
                value = value == null || value.isBlank() ? null : value.strip();
                if ("Hidden".equals(property.path("type").asText())) {
                    String fixed = property.path("value").asText();
                    if (!fixed.equals(value)) {
                        problems.add(id + ": " + what + " must be " + fixed + " (template " + templateId + "), is " + value);
                    }
                    continue;
                }
                if (value == null) {
                    if (property.path("constraints").path("notEmpty").asBoolean(false)) {
                        problems.add(id + ": " + what + " is required by template " + templateId);
                    }
                    continue;
                }
                if ("Dropdown".equals(property.path("type").asText())) {
                    boolean choice = false;
                    for (JsonNode c : property.path("choices")) {
                        choice |= c.path("value").asText().equals(value);
                    }
                    if (!choice) {
                        problems.add(id + ": " + what + " = " + value + " is not a choice of template " + templateId);
                    }
                }
            }
            fields.keySet().stream().filter(f -> !boundFields.contains(f)).sorted().forEach(f -> problems
                    .add(id + ": camunda:field " + f + " is not bound by template " + templateId));
            inputs.keySet().stream().filter(i -> !boundInputs.contains(i)).sorted().forEach(i -> problems
                    .add(id + ": camunda:inputParameter " + i + " is not bound by template " + templateId));
        }
    }

    /** Every message and signal an event or receive task refers to is declared with a name. */
    private static void messagesAndSignals(String name, BpmnModelInstance model, List<String> problems) {
        for (MessageEventDefinition definition : model.getModelElementsByType(MessageEventDefinition.class)) {
            checkDeclared(name, model, (BaseElement) definition.getParentElement(),
                    definition.getAttributeValue("messageRef"), Message.class, problems);
        }
        for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
            checkDeclared(name, model, task, task.getAttributeValue("messageRef"), Message.class, problems);
        }
        for (SignalEventDefinition definition : model.getModelElementsByType(SignalEventDefinition.class)) {
            checkDeclared(name, model, (BaseElement) definition.getParentElement(),
                    definition.getAttributeValue("signalRef"), Signal.class, problems);
        }
    }

    private static void checkDeclared(String name, BpmnModelInstance model, BaseElement user, String ref,
            Class<? extends BaseElement> kind, List<String> problems) {
        ModelElementInstance declared = ref == null ? null : model.getModelElementById(ref);
        String declaredName = declared == null ? null : declared.getAttributeValue("name");
        if (!kind.isInstance(declared) || declaredName == null || declaredName.isBlank()) {
            String what = kind == Message.class ? "message" : "signal";
            problems.add(name + " " + user.getId() + ": " + what + " " + ref + " is not declared (bpmn:" + what
                    + " with a name)");
        }
    }

    /**
     * The string literals in a Java source that name an activity: shaped like one ({@link #ACTIVITY_ID_LITERAL}),
     * or equal to the id of a flow node of a model.
     */
    static List<String> activityIdLiterals(String java, Set<String> modelIds) {
        Set<String> found = new LinkedHashSet<>();
        Matcher literal = STRING_LITERAL.matcher(java);
        while (literal.find()) {
            String text = literal.group(1);
            if (ACTIVITY_ID_LITERAL.matcher("\"" + text + "\"").matches() || modelIds.contains(text)) {
                found.add(text);
            }
        }
        return new ArrayList<>(found);
    }

    // --- helpers ---

    /** A minimal process around {@code elements}, checked with the real beans, forms and templates. */
    private static List<String> problemsOf(String elements) throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_broken"
                    targetNamespace="http://lawflow.org/bpmn">
                  <bpmn:process id="broken" isExecutable="true" camunda:historyTimeToLive="1">
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(elements);
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return modelProblems("broken.bpmn", xml, model, Catalog.load());
    }

    private static String stringValue(CamundaField field) {
        return field.getCamundaStringValue() != null ? field.getCamundaStringValue()
                : field.getCamundaString() != null ? field.getCamundaString().getTextContent() : null;
    }

    private static String expressionValue(CamundaField field) {
        return field.getCamundaExpression() != null ? field.getCamundaExpression()
                : field.getCamundaExpressionChild() != null ? field.getCamundaExpressionChild().getTextContent() : null;
    }

    private static Set<String> modelActivityIds() throws Exception {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(FlowNode.class)
                        .forEach(node -> ids.add(node.getId()));
            }
        }
        return ids;
    }

    /** Message names the Java code correlates (string constants passed to createMessageCorrelation). */
    private static Set<String> correlatedMessages() throws Exception {
        Set<String> names = new HashSet<>();
        Pattern constant = Pattern.compile("static final String (?:MESSAGE|MSG)_[A-Z_]+ = \"([A-Za-z]+)\"");
        Pattern literal = Pattern.compile("createMessageCorrelation\\(\"([A-Za-z]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path file : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                String java = Files.readString(file);
                for (Pattern p : List.of(constant, literal)) {
                    Matcher m = p.matcher(java);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }

    /** What the models may name: beans, forms, mail templates, DMN decisions, element templates. */
    record Catalog(Set<String> beans, Set<String> forms, Set<String> mailTemplates, Set<String> decisions,
            Map<String, JsonNode> elementTemplates, Set<String> noDueDateByLaw) {

        private static Catalog loaded;

        static synchronized Catalog load() throws Exception {
            if (loaded == null) {
                Set<String> decisions = new HashSet<>();
                try (Stream<Path> dmn = Files.list(Path.of("bpmn/decisions"))) {
                    for (Path file : dmn.toList()) {
                        Matcher m = Pattern.compile("<decision id=\"([^\"]+)\"").matcher(Files.readString(file));
                        while (m.find()) {
                            decisions.add(m.group(1));
                        }
                    }
                }
                Map<String, JsonNode> templates = new HashMap<>();
                try (Stream<Path> files = Files.list(Path.of("bpmn/.camunda/element-templates"))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                        for (JsonNode template : new ObjectMapper().readTree(file.toFile())) {
                            templates.put(template.path("id").asText(), template);
                        }
                    }
                }
                loaded = new Catalog(beanNames(), fileNames(Path.of("forms"), ".form"),
                        fileNames(Path.of("src/main/resources/templates/mail"), ".txt"), decisions, templates,
                        dueDateExemptions());
            }
            return loaded;
        }

        /**
         * The user tasks the law sets no period for: kept with their reasons in one place,
         * DueDatesOnTasksTest (which also requires the due dates to come from the statutory calendar).
         */
        @SuppressWarnings("unchecked")
        private static Set<String> dueDateExemptions() throws Exception {
            Field reasons = DueDatesOnTasksTest.class.getDeclaredField("NO_STATUTORY_PERIOD");
            reasons.setAccessible(true);
            return Set.copyOf(((Map<String, String>) reasons.get(null)).keySet());
        }

        /** The names of LawFlow's beans: scanned components and {@code @Bean} methods of its configurations. */
        private static Set<String> beanNames() throws Exception {
            var scanner = new ClassPathScanningCandidateComponentProvider(true);
            var generator = new AnnotationBeanNameGenerator();
            var registry = new SimpleBeanDefinitionRegistry();
            Set<String> names = new HashSet<>();
            for (var candidate : scanner.findCandidateComponents("org.lawflow")) {
                if (candidate.getBeanClassName().contains(".bench.") || !(candidate instanceof AnnotatedBeanDefinition)) {
                    continue;
                }
                names.add(generator.generateBeanName(candidate, registry));
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (type.isAnnotationPresent(Configuration.class)) {
                    for (Method method : type.getDeclaredMethods()) {
                        Bean bean = method.getAnnotation(Bean.class);
                        if (bean != null) {
                            names.add(bean.value().length > 0 ? bean.value()[0] : method.getName());
                        }
                    }
                }
            }
            return names;
        }

        private static Set<String> fileNames(Path folder, String suffix) throws Exception {
            try (Stream<Path> files = Files.list(folder)) {
                return new HashSet<>(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(suffix))
                        .map(f -> f.substring(0, f.length() - suffix.length())).toList());
            }
        }
    }
}
