package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.junit.jupiter.api.Test;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.documents.DocumentKind;
import org.lawflow.documents.PackageKind;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;

/**
 * The contract between the models and the Java code, checked without starting anything: every bean a BPMN
 * expression names exists, every form, DMN decision, statutory period, document kind and mail template resolves,
 * every message a Java service correlates is declared; every user task has a form and documentation (Tasklist's 说明
 * tab: what the step is for and its legal basis).
 */
class BpmnContractTest {

    private static final Pattern PERIOD = Pattern.compile("deadlines\\.due\\('([A-Z_]+)'");
    /** Names an expression may start with that are not beans: engine variables and process variables. */
    private static final Set<String> NOT_BEANS = Set.of("execution", "task", "now", "dateTime", "authenticatedUserId",
            "true", "false", "not", "empty");

    @Test
    void everyModelResolves() throws Exception {
        Set<String> beans = beanNames();
        Set<String> forms = fileNames(Path.of("forms"), ".form");
        Set<String> templates = fileNames(Path.of("src/main/resources/templates/mail"), ".txt");
        Set<String> decisions = new HashSet<>();
        try (Stream<Path> dmn = Files.list(Path.of("bpmn/decisions"))) {
            for (Path file : dmn.toList()) {
                Matcher m = Pattern.compile("<decision id=\"([^\"]+)\"").matcher(Files.readString(file));
                while (m.find()) {
                    decisions.add(m.group(1));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        Set<String> messages = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                String xml = Files.readString(file);
                String name = file.getFileName().toString();
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                // ${bean} as a delegate, ${bean.method(...)} in any expression: the bean must exist
                Matcher delegate = Pattern.compile("delegateExpression=\"\\$\\{\\s*([a-zA-Z0-9]+)\\s*}\"").matcher(xml);
                while (delegate.find()) {
                    if (!beans.contains(delegate.group(1))) {
                        problems.add(name + ": no bean " + delegate.group(1) + " (delegateExpression)");
                    }
                }
                Matcher call = Pattern.compile("\\$\\{\\s*([a-zA-Z][a-zA-Z0-9]*)\\.[a-zA-Z]+\\(").matcher(xml);
                while (call.find()) {
                    if (!NOT_BEANS.contains(call.group(1)) && !beans.contains(call.group(1))) {
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
                for (CamundaField field : model.getModelElementsByType(CamundaField.class)) {
                    String value = field.getCamundaStringValue() != null ? field.getCamundaStringValue()
                            : field.getCamundaString() != null ? field.getCamundaString().getTextContent() : null;
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
                                problems.add(name + ": unknown " + (packageStep ? "package" : "document") + " kind "
                                        + kind);
                            }
                        }
                    }
                    if (field.getCamundaName().equals("template") && !templates.contains(value.strip())) {
                        problems.add(name + ": no mail template templates/mail/" + value.strip() + ".txt");
                    }
                    if (field.getCamundaName().equals("deadlineName")) {
                        continue; // a label for the reminder mail, not a period
                    }
                }
                for (BusinessRuleTask rule : model.getModelElementsByType(BusinessRuleTask.class)) {
                    if (!decisions.contains(rule.getCamundaDecisionRef())) {
                        problems.add(name + ": no DMN decision " + rule.getCamundaDecisionRef());
                    }
                }
                model.getModelElementsByType(Message.class).forEach(m -> messages.add(m.getName()));
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    String id = name + " " + task.getId();
                    String form = task.getCamundaFormRef();
                    if (form == null || !forms.contains(form)) {
                        problems.add(id + ": form " + form + " not in forms/");
                    }
                    boolean documented = task.getChildElementsByType(Documentation.class).stream()
                            .anyMatch(d -> d.getTextContent() != null && d.getTextContent().strip().length() >= 10);
                    if (!documented) {
                        problems.add(id + ": no documentation (purpose and legal basis, shown in Tasklist's 说明 tab)");
                    }
                }
            }
        }
        for (String correlated : correlatedMessages()) {
            if (!messages.contains(correlated)) {
                problems.add("Java correlates message " + correlated + " that no model declares");
            }
        }
        assertThat(problems).isEmpty();
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
