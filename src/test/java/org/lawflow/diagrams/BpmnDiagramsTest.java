package org.lawflow.diagrams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The pictures of the processes in docs/diagrams (linked from the README, 流程图) are drawn from the models' DI by
 * {@link DiagramSvg}; this test draws them again and fails when a committed picture is stale, so a changed model
 * cannot ship with an old picture. It also checks the layout of every model ({@link DiagramLayout}).
 */
class BpmnDiagramsTest {

    static final Path MODELS = Path.of("bpmn");
    static final Path PICTURES = Path.of("docs/diagrams");
    static final String UPDATE_PROPERTY = "lawflow.diagrams.update";
    static final String UPDATE_COMMAND = "mvn -B -o test -Dtest=BpmnDiagramsTest -D" + UPDATE_PROPERTY + "=true";

    /**
     * Layout faults in the models when this check came, to be fixed by the layout pass (the BPMN files were being
     * edited in parallel). The test fails on any fault not listed here, and on an entry that no longer occurs, so the
     * list only shrinks.
     */
    static final Set<String> KNOWN_LAYOUT_FAULTS = Set.of();

    @Test
    void everyCommittedDiagramIsDrawnFromTheCurrentModel() throws Exception {
        boolean update = Boolean.getBoolean(UPDATE_PROPERTY);
        Set<String> expected = new TreeSet<>();
        List<String> stale = new ArrayList<>();
        for (Path model : models()) {
            BpmnDiagram diagram = BpmnDiagram.read(model);
            assertThat(diagram.processId()).as(model + ": a process").isNotBlank();
            assertThat(diagram.shapes()).as(model + ": a diagram (DI)").isNotEmpty();
            String fileName = diagram.processId() + ".svg";
            assertThat(expected.add(fileName)).as("one model per process id: " + fileName).isTrue();
            Path picture = PICTURES.resolve(fileName);
            String svg = DiagramSvg.render(diagram);
            if (update) {
                Files.createDirectories(PICTURES);
                Files.writeString(picture, svg, StandardCharsets.UTF_8);
            } else if (!Files.exists(picture) || !Files.readString(picture, StandardCharsets.UTF_8).equals(svg)) {
                stale.add(picture + " (from " + model + ")");
            }
        }
        Set<String> present;
        try (Stream<Path> files = Files.exists(PICTURES) ? Files.list(PICTURES) : Stream.empty()) {
            present = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".svg"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        present.removeAll(expected);
        if (update) {
            for (String orphan : present) {
                Files.delete(PICTURES.resolve(orphan));
            }
            present.clear();
        }
        assertThat(stale).as("diagrams that do not match their model; regenerate with: " + UPDATE_COMMAND)
                .isEmpty();
        assertThat(present).as("diagrams without a model in bpmn/; regenerate with: " + UPDATE_COMMAND).isEmpty();
    }

    @Test
    void noFlowCrossesAShapeAndNoShapesOverlap() throws Exception {
        List<DiagramLayout.Fault> faults = new ArrayList<>();
        for (Path model : models()) {
            faults.addAll(DiagramLayout.check(BpmnDiagram.read(model)));
        }
        List<String> unexpected = faults.stream().filter(f -> !KNOWN_LAYOUT_FAULTS.contains(f.key()))
                .map(f -> f.message() + "  [key \"" + f.key() + "\"]").toList();
        Set<String> fixed = new LinkedHashSet<>(KNOWN_LAYOUT_FAULTS);
        faults.forEach(f -> fixed.remove(f.key()));
        assertThat(unexpected).as("layout faults (move the shapes or waypoints in Camunda Modeler)").isEmpty();
        assertThat(fixed).as("fixed layout faults still listed in KNOWN_LAYOUT_FAULTS: remove them").isEmpty();
    }

    @Test
    void theLayoutCheckSeesAFlowThroughAShapeButNotAFlowAroundIt() {
        var box = new BpmnDiagram.Box(100, 100, 100, 80);
        assertThat(DiagramLayout.crosses(new BpmnDiagram.Point(50, 140), new BpmnDiagram.Point(250, 140), box))
                .isTrue();
        assertThat(DiagramLayout.crosses(new BpmnDiagram.Point(50, 90), new BpmnDiagram.Point(250, 90), box))
                .isFalse();
        // along a border is no crossing
        assertThat(DiagramLayout.crosses(new BpmnDiagram.Point(50, 100), new BpmnDiagram.Point(250, 100), box))
                .isFalse();
        assertThat(DiagramLayout.crosses(new BpmnDiagram.Point(150, 50), new BpmnDiagram.Point(150, 120), box))
                .isTrue();
        var trimmed = DiagramLayout.trimmed(List.of(new BpmnDiagram.Point(0, 0), new BpmnDiagram.Point(20, 0),
                new BpmnDiagram.Point(20, 3)), 5);
        assertThat(trimmed).containsExactly(new BpmnDiagram.Point(5, 0), new BpmnDiagram.Point(18, 0));
    }

    @Test
    void theLayoutCheckSeesOverlappingShapesButNotABoundaryEventOnItsHost() {
        var diagram = new BpmnDiagram("test.bpmn", "test", List.of(
                task("Task_A", 100, 100), task("Task_B", 150, 120), task("Task_C", 400, 100),
                new BpmnDiagram.Shape("Timer_C", "boundaryEvent", "", new BpmnDiagram.Box(432, 162, 36, 36), null,
                        false, "Task_C", true, "p", "timer", true, false, false)), List.of());
        assertThat(DiagramLayout.check(diagram)).extracting(DiagramLayout.Fault::key)
                .containsExactly("test.bpmn: Task_A overlaps Task_B");
    }

    private static BpmnDiagram.Shape task(String id, double x, double y) {
        return new BpmnDiagram.Shape(id, "serviceTask", id, new BpmnDiagram.Box(x, y, 100, 80), null, false, null,
                true, "p", null, true, false, false);
    }

    @Test
    void chineseNamesWrapBetweenCharactersAndLatinWordsStayWhole() {
        assertThat(DiagramSvg.wrap("制作并移送案件材料（24小时内）", 88)).containsExactly("制作并移送案件", "材料（24小时内）");
        assertThat(DiagramSvg.wrap("审核意见，退回补正", 48)).containsExactly("审核意见，", "退回补正");
    }

    private static List<Path> models() throws Exception {
        try (Stream<Path> files = Files.list(MODELS)) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }
}
