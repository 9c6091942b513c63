package org.lawflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.Test;

/**
 * One way to wire BPMN to Java (#26): each step names its own bean, so no transfer code needs to know which
 * activity it runs in. An activity id in a Java string is the sign of a step switch coming back.
 */
class TransferWiringTest {

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

    private static BpmnModelInstance read(String model) {
        return Bpmn.readModelFromFile(Path.of(model).toFile());
    }
}
