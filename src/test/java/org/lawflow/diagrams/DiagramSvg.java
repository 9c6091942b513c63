package org.lawflow.diagrams;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lawflow.diagrams.BpmnDiagram.Box;
import org.lawflow.diagrams.BpmnDiagram.Edge;
import org.lawflow.diagrams.BpmnDiagram.Point;
import org.lawflow.diagrams.BpmnDiagram.Shape;

/**
 * Draws a {@link BpmnDiagram} as SVG in the style of Camunda Modeler, from the DI coordinates only (no layout of its
 * own): tasks as rounded rectangles with their names, events as circles, gateways as diamonds, flows as polylines
 * with arrows. The output depends on the model alone (no dates, fixed number format), so the committed files change
 * only when a model does.
 */
final class DiagramSvg {

    private static final double MARGIN = 20;
    private static final double FONT_SIZE = 12;
    private static final double LINE_HEIGHT = 14;
    private static final String STROKE = "#22242a";

    private final StringBuilder out = new StringBuilder();

    private DiagramSvg() {
    }

    static String render(BpmnDiagram diagram) {
        return new DiagramSvg().draw(diagram);
    }

    private String draw(BpmnDiagram diagram) {
        Box extent = extent(diagram);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<!-- ").append(diagram.fileName()).append(", drawn by org.lawflow.diagrams.DiagramSvg;")
                .append(" do not edit (BpmnDiagramsTest says how to regenerate) -->\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(extent.width()))
                .append("\" height=\"").append(n(extent.height())).append("\" viewBox=\"").append(n(extent.x()))
                .append(' ').append(n(extent.y())).append(' ').append(n(extent.width())).append(' ')
                .append(n(extent.height())).append("\" font-family=\"'Noto Sans CJK SC', 'Noto Sans SC', ")
                .append("'Microsoft YaHei', 'PingFang SC', sans-serif\" font-size=\"").append(n(FONT_SIZE))
                .append("\">\n");
        out.append("  <title>").append(escape(diagram.processId())).append("</title>\n");
        out.append("""
                  <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" \
                orient="auto"><path d="M0,1.5 L10,5 L0,8.5 z" fill="#22242a"/></marker>
                    <marker id="open-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" \
                markerHeight="10" orient="auto"><path d="M0,1.5 L10,5 L0,8.5 z" fill="#fff" stroke="#22242a"/></marker>
                  </defs>
                """);
        out.append("  <rect x=\"").append(n(extent.x())).append("\" y=\"").append(n(extent.y()))
                .append("\" width=\"").append(n(extent.width())).append("\" height=\"").append(n(extent.height()))
                .append("\" fill=\"#fff\"/>\n");
        // containers first (outermost first), then the flows, then the shapes on top of the flows' ends
        diagram.shapes().stream().filter(Shape::isContainer).forEach(this::container);
        diagram.edges().forEach(this::edge);
        diagram.shapes().stream().filter(s -> !s.isContainer()).forEach(this::shape);
        out.append("</svg>\n");
        return out.toString();
    }

    private static Box extent(BpmnDiagram diagram) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        List<Box> boxes = new ArrayList<>();
        for (Shape s : diagram.shapes()) {
            boxes.add(s.bounds());
            if (s.label() != null) {
                boxes.add(s.label());
            } else if (!s.name().isEmpty() && (s.isEvent() || s.isGateway())) {
                boxes.add(defaultLabel(s));
            }
        }
        for (Edge e : diagram.edges()) {
            e.points().forEach(p -> boxes.add(new Box(p.x(), p.y(), 0, 0)));
            if (e.label() != null) {
                boxes.add(e.label());
            }
        }
        for (Box b : boxes) {
            minX = Math.min(minX, b.x());
            minY = Math.min(minY, b.y());
            maxX = Math.max(maxX, b.right());
            maxY = Math.max(maxY, b.bottom());
        }
        if (boxes.isEmpty()) {
            return new Box(0, 0, 100, 100);
        }
        return new Box(Math.floor(minX - MARGIN), Math.floor(minY - MARGIN), Math.ceil(maxX - minX + 2 * MARGIN),
                Math.ceil(maxY - minY + 2 * MARGIN));
    }

    private void container(Shape s) {
        Box b = s.bounds();
        switch (s.type()) {
            case "participant", "lane" -> {
                rect(b, 0, "fill=\"none\" stroke=\"" + STROKE + "\" stroke-width=\"1.5\"");
                // the name reads bottom to top in a band at the left, as in Camunda Modeler
                double band = 30;
                if (s.type().equals("participant")) {
                    out.append("  <line x1=\"").append(n(b.x() + band)).append("\" y1=\"").append(n(b.y()))
                            .append("\" x2=\"").append(n(b.x() + band)).append("\" y2=\"").append(n(b.bottom()))
                            .append("\" stroke=\"").append(STROKE).append("\" stroke-width=\"1.5\"/>\n");
                }
                double cx = b.x() + band / 2;
                double cy = b.centerY();
                out.append("  <text x=\"").append(n(cx)).append("\" y=\"").append(n(cy + 4))
                        .append("\" text-anchor=\"middle\" transform=\"rotate(-90 ").append(n(cx)).append(' ')
                        .append(n(cy)).append(")\">").append(escape(s.name())).append("</text>\n");
            }
            default -> {
                // an event subprocess has a dotted frame
                rect(b, 10, "fill=\"#fff\" stroke=\"" + STROKE + "\" stroke-width=\"2\""
                        + (s.eventSubProcess() ? " stroke-dasharray=\"2,3\"" : ""));
                if (!s.name().isEmpty()) {
                    out.append("  <text x=\"").append(n(b.x() + 10)).append("\" y=\"").append(n(b.y() + 20))
                            .append("\" font-weight=\"bold\">").append(escape(s.name())).append("</text>\n");
                }
            }
        }
    }

    private void shape(Shape s) {
        if (s.isEvent()) {
            event(s);
        } else if (s.isGateway()) {
            gateway(s);
        } else if (s.type().equals("textAnnotation")) {
            annotation(s);
        } else if (s.type().equals("dataObjectReference") || s.type().equals("dataStoreReference")) {
            rect(s.bounds(), 0, "fill=\"#fff\" stroke=\"" + STROKE + "\" stroke-width=\"1.5\"");
            outsideLabel(s);
        } else {
            task(s);
        }
    }

    private void task(Shape s) {
        Box b = s.bounds();
        boolean call = s.type().equals("callActivity");
        rect(b, 10, "fill=\"#fff\" stroke=\"" + STROKE + "\" stroke-width=\"" + (call ? "4" : "2") + "\"");
        taskIcon(s);
        List<String> lines = wrap(s.name(), b.width() - 12);
        double top = b.centerY() - lines.size() * LINE_HEIGHT / 2 + FONT_SIZE - 1;
        for (int i = 0; i < lines.size(); i++) {
            text(b.centerX(), top + i * LINE_HEIGHT, lines.get(i), "middle");
        }
        if (s.multiInstance()) {
            double x = b.centerX() - 6;
            double y = b.bottom() - 16;
            for (int i = 0; i < 3; i++) {
                out.append("  <line x1=\"").append(n(x + i * 5)).append("\" y1=\"").append(n(y))
                        .append("\" x2=\"").append(n(x + i * 5)).append("\" y2=\"").append(n(y + 11))
                        .append("\" stroke=\"").append(STROKE).append("\" stroke-width=\"2\"/>\n");
            }
        } else if (s.type().equals("subProcess") || call) {
            // the [+] of a collapsed subprocess or a call activity
            double x = b.centerX() - 7;
            double y = b.bottom() - 16;
            out.append("  <rect x=\"").append(n(x)).append("\" y=\"").append(n(y))
                    .append("\" width=\"14\" height=\"14\" fill=\"none\" stroke=\"").append(STROKE).append("\"/>\n");
            out.append("  <path d=\"M").append(n(x + 3)).append(',').append(n(y + 7)).append(" h8 M")
                    .append(n(x + 7)).append(',').append(n(y + 3)).append(" v8\" stroke=\"").append(STROKE)
                    .append("\"/>\n");
        }
    }

    /** A small sign of the task type at the top left, as the modeler draws it. */
    private void taskIcon(Shape s) {
        double x = s.bounds().x() + 8;
        double y = s.bounds().y() + 7;
        String style = "fill=\"none\" stroke=\"" + STROKE + "\" stroke-width=\"1\"";
        switch (s.type()) {
            case "userTask" -> {
                out.append("  <circle cx=\"").append(n(x + 7)).append("\" cy=\"").append(n(y + 4))
                        .append("\" r=\"3.5\" ").append(style).append("/>\n");
                out.append("  <path d=\"M").append(n(x)).append(',').append(n(y + 15)).append(" q0,-7 7,-7 q7,0 7,7 z\" ")
                        .append(style).append("/>\n");
            }
            case "serviceTask", "sendTask" -> {
                out.append("  <circle cx=\"").append(n(x + 7)).append("\" cy=\"").append(n(y + 7))
                        .append("\" r=\"6\" fill=\"none\" stroke=\"").append(STROKE)
                        .append("\" stroke-width=\"2.5\" stroke-dasharray=\"2.4,1.6\"/>\n");
                out.append("  <circle cx=\"").append(n(x + 7)).append("\" cy=\"").append(n(y + 7))
                        .append("\" r=\"2.5\" ").append(style).append("/>\n");
            }
            case "businessRuleTask" -> {
                out.append("  <rect x=\"").append(n(x)).append("\" y=\"").append(n(y + 1))
                        .append("\" width=\"16\" height=\"12\" ").append(style).append("/>\n");
                out.append("  <path d=\"M").append(n(x)).append(',').append(n(y + 5)).append(" h16 M")
                        .append(n(x + 5)).append(',').append(n(y + 5)).append(" v8\" ").append(style).append("/>\n");
            }
            case "scriptTask" -> out.append("  <path d=\"M").append(n(x + 3)).append(',').append(n(y))
                    .append(" h10 q-4,4 0,7 q4,4 0,7 h-10 q4,-3 0,-7 q-4,-4 0,-7 z\" ").append(style).append("/>\n");
            default -> {
            }
        }
    }

    private void event(Shape s) {
        Box b = s.bounds();
        double cx = b.centerX();
        double cy = b.centerY();
        double r = b.width() / 2;
        String dash = s.interrupting() ? "" : " stroke-dasharray=\"5.5,3\"";
        switch (s.type()) {
            case "startEvent" -> circle(cx, cy, r, "fill=\"#fff\" stroke=\"" + STROKE + "\" stroke-width=\"2\""
                    + dash);
            case "endEvent" -> circle(cx, cy, r, "fill=\"#fff\" stroke=\"" + STROKE + "\" stroke-width=\"4\"");
            default -> {
                circle(cx, cy, r, "fill=\"#fff\" stroke=\"" + STROKE + "\" stroke-width=\"1.5\"" + dash);
                circle(cx, cy, r - 3, "fill=\"none\" stroke=\"" + STROKE + "\" stroke-width=\"1.5\"" + dash);
            }
        }
        eventMarker(s, cx, cy);
        outsideLabel(s);
    }

    private void eventMarker(Shape s, double cx, double cy) {
        if (s.eventKind() == null) {
            return;
        }
        boolean filled = s.type().equals("endEvent") || s.type().equals("intermediateThrowEvent");
        String fill = filled ? STROKE : "#fff";
        String style = "fill=\"" + fill + "\" stroke=\"" + STROKE + "\" stroke-width=\"1.5\"";
        switch (s.eventKind()) {
            case "timer" -> {
                circle(cx, cy, 11, "fill=\"#fff\" stroke=\"" + STROKE + "\" stroke-width=\"2\"");
                for (int hour = 0; hour < 12; hour++) {
                    double a = Math.toRadians(hour * 30);
                    out.append("  <line x1=\"").append(n(cx + Math.sin(a) * 8)).append("\" y1=\"")
                            .append(n(cy - Math.cos(a) * 8)).append("\" x2=\"").append(n(cx + Math.sin(a) * 10.5))
                            .append("\" y2=\"").append(n(cy - Math.cos(a) * 10.5)).append("\" stroke=\"").append(STROKE)
                            .append("\"/>\n");
                }
                out.append("  <path d=\"M").append(n(cx)).append(',').append(n(cy)).append(" L").append(n(cx + 5))
                        .append(',').append(n(cy - 6)).append(" M").append(n(cx)).append(',').append(n(cy))
                        .append(" L").append(n(cx + 6)).append(',').append(n(cy + 1)).append("\" fill=\"none\"")
                        .append(" stroke=\"").append(STROKE).append("\" stroke-width=\"1.5\"/>\n");
            }
            case "message" -> {
                out.append("  <rect x=\"").append(n(cx - 9)).append("\" y=\"").append(n(cy - 6))
                        .append("\" width=\"18\" height=\"12\" ").append(style).append("/>\n");
                out.append("  <path d=\"M").append(n(cx - 9)).append(',').append(n(cy - 6)).append(" L")
                        .append(n(cx)).append(',').append(n(cy + 1)).append(" L").append(n(cx + 9)).append(',')
                        .append(n(cy - 6)).append("\" fill=\"none\" stroke=\"").append(filled ? "#fff" : STROKE)
                        .append("\" stroke-width=\"1.5\"/>\n");
            }
            case "terminate" -> circle(cx, cy, 10, "fill=\"" + STROKE + "\"");
            case "error" -> out.append("  <path d=\"M").append(n(cx - 9)).append(',').append(n(cy + 8))
                    .append(" L").append(n(cx - 4)).append(',').append(n(cy - 8)).append(" L").append(n(cx + 2))
                    .append(',').append(n(cy + 2)).append(" L").append(n(cx + 9)).append(',').append(n(cy - 8))
                    .append(" L").append(n(cx + 4)).append(',').append(n(cy + 8)).append(" L").append(n(cx - 2))
                    .append(',').append(n(cy - 2)).append(" z\" ").append(style).append("/>\n");
            case "signal" -> out.append("  <path d=\"M").append(n(cx)).append(',').append(n(cy - 10))
                    .append(" L").append(n(cx + 9)).append(',').append(n(cy + 7)).append(" L").append(n(cx - 9))
                    .append(',').append(n(cy + 7)).append(" z\" ").append(style).append("/>\n");
            case "escalation" -> out.append("  <path d=\"M").append(n(cx)).append(',').append(n(cy - 10))
                    .append(" L").append(n(cx + 7)).append(',').append(n(cy + 8)).append(" L").append(n(cx))
                    .append(',').append(n(cy + 2)).append(" L").append(n(cx - 7)).append(',').append(n(cy + 8))
                    .append(" z\" ").append(style).append("/>\n");
            case "conditional" -> {
                out.append("  <rect x=\"").append(n(cx - 7)).append("\" y=\"").append(n(cy - 9))
                        .append("\" width=\"14\" height=\"18\" fill=\"#fff\" stroke=\"").append(STROKE)
                        .append("\"/>\n");
                out.append("  <path d=\"M").append(n(cx - 4)).append(',').append(n(cy - 5)).append(" h8 M")
                        .append(n(cx - 4)).append(',').append(n(cy - 1)).append(" h8 M").append(n(cx - 4))
                        .append(',').append(n(cy + 3)).append(" h8\" stroke=\"").append(STROKE).append("\"/>\n");
            }
            default -> {
            }
        }
    }

    private void gateway(Shape s) {
        Box b = s.bounds();
        double cx = b.centerX();
        double cy = b.centerY();
        out.append("  <polygon points=\"").append(n(cx)).append(',').append(n(b.y())).append(' ').append(n(b.right()))
                .append(',').append(n(cy)).append(' ').append(n(cx)).append(',').append(n(b.bottom())).append(' ')
                .append(n(b.x())).append(',').append(n(cy)).append("\" fill=\"#fff\" stroke=\"").append(STROKE)
                .append("\" stroke-width=\"2\"/>\n");
        String thick = "stroke=\"" + STROKE + "\" stroke-width=\"4\" stroke-linecap=\"round\"";
        switch (s.type()) {
            case "exclusiveGateway" -> {
                if (s.markerVisible()) {
                    out.append("  <path d=\"M").append(n(cx - 8)).append(',').append(n(cy - 8)).append(" L")
                            .append(n(cx + 8)).append(',').append(n(cy + 8)).append(" M").append(n(cx + 8))
                            .append(',').append(n(cy - 8)).append(" L").append(n(cx - 8)).append(',')
                            .append(n(cy + 8)).append("\" ").append(thick).append("/>\n");
                }
            }
            case "parallelGateway" -> out.append("  <path d=\"M").append(n(cx)).append(',').append(n(cy - 11))
                    .append(" V").append(n(cy + 11)).append(" M").append(n(cx - 11)).append(',').append(n(cy))
                    .append(" H").append(n(cx + 11)).append("\" ").append(thick).append("/>\n");
            case "inclusiveGateway" -> circle(cx, cy, 10, "fill=\"none\" stroke=\"" + STROKE
                    + "\" stroke-width=\"3\"");
            case "eventBasedGateway" -> {
                circle(cx, cy, 12, "fill=\"none\" stroke=\"" + STROKE + "\"");
                circle(cx, cy, 9, "fill=\"none\" stroke=\"" + STROKE + "\"");
                out.append("  <polygon points=\"").append(n(cx)).append(',').append(n(cy - 6)).append(' ')
                        .append(n(cx + 6)).append(',').append(n(cy - 2)).append(' ').append(n(cx + 4)).append(',')
                        .append(n(cy + 5)).append(' ').append(n(cx - 4)).append(',').append(n(cy + 5)).append(' ')
                        .append(n(cx - 6)).append(',').append(n(cy - 2)).append("\" fill=\"none\" stroke=\"")
                        .append(STROKE).append("\"/>\n");
            }
            default -> {
            }
        }
        outsideLabel(s);
    }

    private void annotation(Shape s) {
        Box b = s.bounds();
        out.append("  <path d=\"M").append(n(b.x() + 10)).append(',').append(n(b.y())).append(" H").append(n(b.x()))
                .append(" V").append(n(b.bottom())).append(" H").append(n(b.x() + 10)).append("\" fill=\"none\"")
                .append(" stroke=\"").append(STROKE).append("\"/>\n");
        List<String> lines = wrap(s.name(), b.width() - 10);
        for (int i = 0; i < lines.size(); i++) {
            text(b.x() + 5, b.y() + 5 + FONT_SIZE + i * LINE_HEIGHT, lines.get(i), "start");
        }
    }

    private void edge(Edge e) {
        if (e.points().size() < 2) {
            return;
        }
        StringBuilder points = new StringBuilder();
        for (Point p : e.points()) {
            if (!points.isEmpty()) {
                points.append(' ');
            }
            points.append(n(p.x())).append(',').append(n(p.y()));
        }
        String style = switch (e.type()) {
            case "messageFlow" -> "stroke-dasharray=\"10,8\" marker-end=\"url(#open-arrow)\"";
            case "association", "dataInputAssociation", "dataOutputAssociation" -> "stroke-dasharray=\"2,5\"";
            default -> "marker-end=\"url(#arrow)\"";
        };
        out.append("  <polyline points=\"").append(points).append("\" fill=\"none\" stroke=\"").append(STROKE)
                .append("\" stroke-width=\"1.5\" stroke-linejoin=\"round\" ").append(style).append("/>\n");
        Point a = e.points().get(0);
        Point b = e.points().get(1);
        double length = Math.hypot(b.x() - a.x(), b.y() - a.y());
        if (length > 0 && e.isDefault()) {
            // the slash of a default flow, across the line near its start
            double ux = (b.x() - a.x()) / length;
            double uy = (b.y() - a.y()) / length;
            double mx = a.x() + ux * 10;
            double my = a.y() + uy * 10;
            out.append("  <line x1=\"").append(n(mx - 5 * ux + 5 * uy)).append("\" y1=\"")
                    .append(n(my - 5 * uy - 5 * ux)).append("\" x2=\"").append(n(mx + 5 * ux - 5 * uy))
                    .append("\" y2=\"").append(n(my + 5 * uy + 5 * ux)).append("\" stroke=\"").append(STROKE)
                    .append("\" stroke-width=\"1.5\"/>\n");
        } else if (length > 0 && e.conditionalFromActivity()) {
            // the small diamond of a conditional flow leaving an activity
            double ux = (b.x() - a.x()) / length;
            double uy = (b.y() - a.y()) / length;
            out.append("  <polygon points=\"").append(n(a.x())).append(',').append(n(a.y())).append(' ')
                    .append(n(a.x() + ux * 8 + uy * 5)).append(',').append(n(a.y() + uy * 8 - ux * 5)).append(' ')
                    .append(n(a.x() + ux * 16)).append(',').append(n(a.y() + uy * 16)).append(' ')
                    .append(n(a.x() + ux * 8 - uy * 5)).append(',').append(n(a.y() + uy * 8 + ux * 5))
                    .append("\" fill=\"#fff\" stroke=\"").append(STROKE).append("\"/>\n");
        }
        if (!e.name().isEmpty()) {
            Box label = e.label();
            if (label == null) {
                Point mid = e.points().get(e.points().size() / 2);
                label = new Box(mid.x() + 4, mid.y() - 20, 90, 20);
            }
            labelText(label, e.name());
        }
    }

    /** The name of an event, gateway or data element: in its DI label bounds, else centred below the shape. */
    private void outsideLabel(Shape s) {
        if (s.name().isEmpty()) {
            return;
        }
        labelText(s.label() != null ? s.label() : defaultLabel(s), s.name());
    }

    private static Box defaultLabel(Shape s) {
        return new Box(s.bounds().centerX() - 45, s.bounds().bottom() + 5, 90, 27);
    }

    private void labelText(Box label, String name) {
        List<String> lines = wrap(name, Math.max(label.width(), 30));
        for (int i = 0; i < lines.size(); i++) {
            text(label.centerX(), label.y() + FONT_SIZE - 1 + i * LINE_HEIGHT, lines.get(i), "middle");
        }
    }

    private void text(double x, double y, String text, String anchor) {
        out.append("  <text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" fill=\"").append(STROKE).append("\">").append(escape(text))
                .append("</text>\n");
    }

    private void rect(Box b, double radius, String style) {
        out.append("  <rect x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y())).append("\" width=\"")
                .append(n(b.width())).append("\" height=\"").append(n(b.height())).append('"');
        if (radius > 0) {
            out.append(" rx=\"").append(n(radius)).append("\" ry=\"").append(n(radius)).append('"');
        }
        out.append(' ').append(style).append("/>\n");
    }

    private void circle(double cx, double cy, double r, String style) {
        out.append("  <circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" ").append(style).append("/>\n");
    }

    /**
     * Breaks a name into lines that fit {@code width}: Chinese breaks between any two characters, Latin words stay
     * whole; explicit line breaks are kept. Widths are estimated (a CJK character is one em, Latin about 0.55 em).
     */
    static List<String> wrap(String text, double width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            StringBuilder line = new StringBuilder();
            double used = 0;
            int i = 0;
            while (i < paragraph.length()) {
                int end = i + 1;
                if (isLatin(paragraph.charAt(i))) {
                    while (end < paragraph.length() && isLatin(paragraph.charAt(end))) {
                        end++;
                    }
                }
                String piece = paragraph.substring(i, end);
                double w = width(piece);
                // closing punctuation stays with the character before it
                boolean closing = piece.length() == 1 && "，。、；：）》」』！？,.;:)".indexOf(piece.charAt(0)) >= 0;
                if (used + w > width && !line.isEmpty() && !closing) {
                    lines.add(line.toString().strip());
                    line.setLength(0);
                    used = 0;
                }
                line.append(piece);
                used += w;
                i = end;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString().strip());
            }
        }
        return lines;
    }

    private static boolean isLatin(char c) {
        return c < 0x2E80 && !Character.isWhitespace(c) && "-/()".indexOf(c) < 0;
    }

    static double width(String text) {
        double w = 0;
        for (char c : text.toCharArray()) {
            w += c < 0x2E80 ? FONT_SIZE * 0.55 : FONT_SIZE;
        }
        return w;
    }

    private static String n(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        return String.format(Locale.ROOT, "%.2f", rounded).replaceAll("0+$", "");
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
