package org.lawflow.diagrams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a BPMN file's diagram (DI) shows, joined with the semantic element each shape or edge stands for: enough to
 * draw it ({@link DiagramSvg}) and to check its layout ({@link DiagramLayout}). Read with plain DOM, so a model
 * Camunda could not parse still gets a picture and a precise complaint.
 */
record BpmnDiagram(String fileName, String processId, List<Shape> shapes, List<Edge> edges) {

    static final String MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

    record Box(double x, double y, double width, double height) {

        double right() {
            return x + width;
        }

        double bottom() {
            return y + height;
        }

        double centerX() {
            return x + width / 2;
        }

        double centerY() {
            return y + height / 2;
        }

        /** True when the two boxes share more than {@code tolerance} in both directions (touching is no overlap). */
        boolean overlaps(Box other, double tolerance) {
            return Math.min(right(), other.right()) - Math.max(x, other.x) > tolerance
                    && Math.min(bottom(), other.bottom()) - Math.max(y, other.y) > tolerance;
        }

        boolean contains(Box other) {
            return other.x >= x && other.y >= y && other.right() <= right() && other.bottom() <= bottom();
        }

        Box shrunk(double by) {
            return new Box(x + by, y + by, width - 2 * by, height - 2 * by);
        }
    }

    record Point(double x, double y) {
    }

    /**
     * A shape: {@code type} is the BPMN element's local name (userTask, boundaryEvent, subProcess, lane...);
     * {@code parentId} the semantic container (process, subprocess); {@code eventKind} timer, message, error... or
     * null; {@code label} the external label's bounds, or null.
     */
    record Shape(String elementId, String type, String name, Box bounds, Box label, boolean expanded,
            String attachedTo, boolean interrupting, String parentId, String eventKind, boolean markerVisible,
            boolean multiInstance, boolean eventSubProcess) {

        boolean isEvent() {
            return type.endsWith("Event");
        }

        boolean isGateway() {
            return type.endsWith("Gateway");
        }

        /** Shapes that hold others: an expanded subprocess, a pool, a lane. */
        boolean isContainer() {
            return expanded || type.equals("participant") || type.equals("lane");
        }
    }

    /** A sequence flow, message flow or association with its waypoints. */
    record Edge(String elementId, String type, String name, List<Point> points, Box label, String sourceId,
            String targetId, boolean isDefault, boolean conditionalFromActivity) {
    }

    static BpmnDiagram read(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root;
        try (var in = Files.newInputStream(file)) {
            root = factory.newDocumentBuilder().parse(in).getDocumentElement();
        }
        Map<String, Element> semantic = new HashMap<>();
        collectIds(root, semantic);

        // the executable process names the picture (a collaboration may hold other, non-executable pools)
        List<Element> processes = children(root, MODEL, "process");
        String processId = processes.stream().filter(p -> "true".equals(p.getAttribute("isExecutable")))
                .findFirst().or(() -> processes.stream().findFirst()).map(p -> p.getAttribute("id")).orElse(null);
        List<Shape> shapes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (Element diagram : children(root, BPMNDI, "BPMNDiagram")) {
            for (Element plane : children(diagram, BPMNDI, "BPMNPlane")) {
                for (Element shape : children(plane, BPMNDI, "BPMNShape")) {
                    shapes.add(shape(shape, semantic));
                }
                for (Element edge : children(plane, BPMNDI, "BPMNEdge")) {
                    edges.add(edge(edge, semantic));
                }
            }
            break; // the first diagram is the one Camunda Modeler shows
        }
        return new BpmnDiagram(file.getFileName().toString(), processId, shapes, edges);
    }

    Shape shape(String elementId) {
        return shapes.stream().filter(s -> s.elementId().equals(elementId)).findFirst().orElse(null);
    }

    /** The semantic containers of a shape's element, innermost first (subprocesses, then the process). */
    Set<String> ancestors(String elementId) {
        Set<String> result = new LinkedHashSet<>();
        Shape shape = shape(elementId);
        String parent = shape == null ? null : shape.parentId();
        while (parent != null && result.add(parent)) {
            Shape parentShape = shape(parent);
            parent = parentShape == null ? null : parentShape.parentId();
        }
        return result;
    }

    private static Shape shape(Element di, Map<String, Element> semantic) {
        String id = di.getAttribute("bpmnElement");
        Element element = semantic.get(id);
        String type = element == null ? "unknown" : element.getLocalName();
        String eventKind = null;
        boolean multiInstance = false;
        if (element != null) {
            for (Element child : children(element, MODEL, null)) {
                String name = child.getLocalName();
                if (name.endsWith("EventDefinition")) {
                    eventKind = name.substring(0, name.length() - "EventDefinition".length());
                }
                if (name.equals("multiInstanceLoopCharacteristics")) {
                    multiInstance = true;
                }
            }
        }
        String parentId = null;
        if (element != null && element.getParentNode() instanceof Element parent && parent.hasAttribute("id")) {
            parentId = parent.getAttribute("id");
        }
        String attachedTo = element == null || element.getAttribute("attachedToRef").isEmpty() ? null
                : element.getAttribute("attachedToRef");
        boolean interrupting = element == null || !"false".equals(element.getAttribute("cancelActivity"));
        return new Shape(id, type, name(element), bounds(first(di, DC, "Bounds")), label(di),
                "true".equals(di.getAttribute("isExpanded")), attachedTo, interrupting, parentId, eventKind,
                !"false".equals(di.getAttribute("isMarkerVisible")), multiInstance,
                element != null && "true".equals(element.getAttribute("triggeredByEvent")));
    }

    private static Edge edge(Element di, Map<String, Element> semantic) {
        String id = di.getAttribute("bpmnElement");
        Element element = semantic.get(id);
        List<Point> points = new ArrayList<>();
        for (Element waypoint : children(di, DI, "waypoint")) {
            points.add(new Point(number(waypoint, "x"), number(waypoint, "y")));
        }
        String type = element == null ? "unknown" : element.getLocalName();
        String source = element == null ? null : element.getAttribute("sourceRef");
        String target = element == null ? null : element.getAttribute("targetRef");
        Element sourceElement = source == null ? null : semantic.get(source);
        boolean isDefault = sourceElement != null && id.equals(sourceElement.getAttribute("default"));
        boolean conditional = element != null && first(element, MODEL, "conditionExpression") != null
                && sourceElement != null && !sourceElement.getLocalName().endsWith("Gateway");
        return new Edge(id, type, name(element), points, label(di), source, target, isDefault, conditional);
    }

    private static String name(Element element) {
        if (element == null) {
            return "";
        }
        if (element.getLocalName().equals("textAnnotation")) {
            Element text = first(element, MODEL, "text");
            return text == null ? "" : text.getTextContent().strip();
        }
        return element.getAttribute("name").strip();
    }

    private static Box label(Element di) {
        Element label = first(di, BPMNDI, "BPMNLabel");
        Element bounds = label == null ? null : first(label, DC, "Bounds");
        return bounds == null ? null : bounds(bounds);
    }

    private static Box bounds(Element bounds) {
        if (bounds == null) {
            return new Box(0, 0, 0, 0);
        }
        return new Box(number(bounds, "x"), number(bounds, "y"), number(bounds, "width"), number(bounds, "height"));
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    private static void collectIds(Element element, Map<String, Element> ids) {
        if (MODEL.equals(element.getNamespaceURI()) && element.hasAttribute("id")) {
            ids.put(element.getAttribute("id"), element);
        }
        for (Element child : children(element, null, null)) {
            collectIds(child, ids);
        }
    }

    private static Element first(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Child elements, filtered by namespace and local name where given. */
    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (namespace == null || namespace.equals(e.getNamespaceURI()))
                    && (localName == null || localName.equals(e.getLocalName()))) {
                result.add(e);
            }
        }
        return result;
    }
}
