package org.lawflow.diagrams;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.lawflow.diagrams.BpmnDiagram.Box;
import org.lawflow.diagrams.BpmnDiagram.Edge;
import org.lawflow.diagrams.BpmnDiagram.Point;
import org.lawflow.diagrams.BpmnDiagram.Shape;

/**
 * Layout faults a reader of the diagram trips over: a sequence flow drawn through a shape that is neither its source
 * nor its target, and shapes drawn on top of each other. Lanes are not checked (flows cross lanes by design).
 */
final class DiagramLayout {

    /** A flow's first and last pixels may touch neighbouring shapes (it leaves and enters at a border). */
    static final double END_ALLOWANCE = 5;
    /** Shapes that only touch, or a line that grazes a border, are no fault. */
    static final double TOLERANCE = 1;

    /** One fault; {@code key} is stable (file, element ids) for an allow-list, {@code message} says where. */
    record Fault(String key, String message) {
    }

    private DiagramLayout() {
    }

    static List<Fault> check(BpmnDiagram diagram) {
        List<Fault> faults = new ArrayList<>();
        flowsThroughShapes(diagram, faults);
        overlappingShapes(diagram, faults);
        return faults;
    }

    private static void flowsThroughShapes(BpmnDiagram d, List<Fault> faults) {
        for (Edge e : d.edges()) {
            if (!e.type().equals("sequenceFlow") || e.points().size() < 2) {
                continue;
            }
            List<Point> path = trimmed(e.points(), END_ALLOWANCE);
            for (Shape s : d.shapes()) {
                if (s.elementId().equals(e.sourceId()) || s.elementId().equals(e.targetId())
                        || s.type().equals("lane") || s.type().equals("participant")) {
                    continue;
                }
                Box box = s.bounds().shrunk(TOLERANCE);
                if (s.isContainer()) {
                    // a flow inside a subprocess lies within its frame; only a flow outside it must not enter it
                    Set<String> sourceParents = d.ancestors(e.sourceId());
                    Set<String> targetParents = d.ancestors(e.targetId());
                    if (sourceParents.contains(s.elementId()) || targetParents.contains(s.elementId())) {
                        continue;
                    }
                }
                for (int i = 0; i + 1 < path.size(); i++) {
                    Point a = path.get(i);
                    Point b = path.get(i + 1);
                    if (crosses(a, b, box)) {
                        faults.add(new Fault(d.fileName() + ": flow " + e.elementId() + " crosses " + s.elementId(),
                                String.format(Locale.ROOT,
                                        "%s: sequence flow %s (%s → %s), segment %s–%s, passes through %s %s at %s",
                                        d.fileName(), e.elementId(), e.sourceId(), e.targetId(), p(a), p(b),
                                        s.type(), s.elementId(), box(s.bounds()))));
                        break;
                    }
                }
            }
        }
    }

    private static void overlappingShapes(BpmnDiagram d, List<Fault> faults) {
        List<Shape> shapes = d.shapes().stream()
                .filter(s -> !s.type().equals("lane") && !s.type().equals("participant")).toList();
        for (int i = 0; i < shapes.size(); i++) {
            for (int j = i + 1; j < shapes.size(); j++) {
                Shape a = shapes.get(i);
                Shape b = shapes.get(j);
                if (!a.bounds().overlaps(b.bounds(), TOLERANCE) || attached(a, b) || attached(b, a)
                        || inside(d, a, b) || inside(d, b, a)) {
                    continue;
                }
                faults.add(new Fault(d.fileName() + ": " + a.elementId() + " overlaps " + b.elementId(),
                        d.fileName() + ": " + a.type() + " " + a.elementId() + " " + box(a.bounds()) + " overlaps "
                                + b.type() + " " + b.elementId() + " " + box(b.bounds())));
            }
        }
    }

    /** A boundary event sits on its host's border: no overlap. */
    private static boolean attached(Shape event, Shape host) {
        return host.elementId().equals(event.attachedTo());
    }

    /** A subprocess's own elements (or boundary events of them) drawn wholly within its frame. */
    private static boolean inside(BpmnDiagram d, Shape container, Shape member) {
        if (!container.isContainer() || !container.bounds().contains(member.bounds())) {
            return false;
        }
        String owner = member.attachedTo() != null ? member.attachedTo() : member.elementId();
        return d.ancestors(owner).contains(container.elementId());
    }

    /** The polyline without its first and last {@code by} pixels. */
    static List<Point> trimmed(List<Point> points, double by) {
        List<Point> result = new ArrayList<>(points);
        cutStart(result, by);
        Collections.reverse(result);
        cutStart(result, by);
        Collections.reverse(result);
        return result;
    }

    private static void cutStart(List<Point> points, double by) {
        double left = by;
        while (points.size() >= 2 && left > 0) {
            Point a = points.get(0);
            Point b = points.get(1);
            double length = Math.hypot(b.x() - a.x(), b.y() - a.y());
            if (length <= left) {
                points.remove(0);
                left -= length;
                if (points.size() == 1) {
                    return;
                }
            } else {
                double t = left / length;
                points.set(0, new Point(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t));
                return;
            }
        }
    }

    /** Whether segment a–b has a part strictly inside {@code box} (Liang–Barsky clipping). */
    static boolean crosses(Point a, Point b, Box box) {
        if (box.width() <= 0 || box.height() <= 0) {
            return false;
        }
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double t0 = 0;
        double t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.x() - box.x(), box.right() - a.x(), a.y() - box.y(), box.bottom() - a.y()};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] <= 0) {
                    return false; // parallel to this border and outside (or on) it
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        return t1 - t0 > 1e-9;
    }

    private static String p(Point point) {
        return "(" + n(point.x()) + "," + n(point.y()) + ")";
    }

    private static String box(Box b) {
        return "[x=" + n(b.x()) + " y=" + n(b.y()) + " w=" + n(b.width()) + " h=" + n(b.height()) + "]";
    }

    private static String n(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
