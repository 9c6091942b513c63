package org.lawflow.monitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.TimeZone;

import org.springframework.stereotype.Component;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The monthly statistics as CSV (UTF-8 with BOM, opens in Excel/WPS) and as PDF (openhtmltopdf with the embedded
 * Noto Sans SC of {@code ph-fonts-noto-sans-sc}, the font of the official documents).
 */
@Component
class StatisticsFormats {

    private static final String FONT_RESOURCE = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final String FONT_FAMILY = "Noto Sans SC";

    static String fileName(MonthlyStatistics.Report report, String extension) {
        return "statistics-" + report.agency() + "-" + report.month() + "." + extension;
    }

    String title(MonthlyStatistics.Report report) {
        return (report.agencyName() == null ? report.agency() : report.agencyName()) + " "
                + report.month().getYear() + "年" + report.month().getMonthValue() + "月行政执法统计";
    }

    byte[] csv(MonthlyStatistics.Report report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("机构,月份,指标,名称,数值,统计口径\r\n");
        for (var f : report.figures()) {
            out.append(cell(report.agency())).append(',').append(report.month()).append(',').append(cell(f.key()))
                    .append(',').append(cell(f.label().strip().replace("　", ""))).append(',').append(f.value())
                    .append(',').append(cell(f.rule())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] pdf(MonthlyStatistics.Report report) {
        var format = new SimpleDateFormat("yyyy-MM-dd HH:mm");
        format.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
        StringBuilder html = new StringBuilder();
        html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><html><head><meta charset=\"UTF-8\"/><title>")
                .append(xml(title(report))).append("</title><style>")
                .append("@page { size: A4; margin: 20mm 18mm; @bottom-center { content: '")
                .append(xml(report.agency() + " " + report.month()))
                .append(" 第 ' counter(page) ' 页'; font-family: '" + FONT_FAMILY + "'; font-size: 9pt; } }")
                .append("body { font-family: '" + FONT_FAMILY + "'; font-size: 11pt; }")
                .append("h1 { text-align: center; font-size: 18pt; font-weight: normal; }")
                .append(".meta { text-align: center; color: #444; font-size: 10pt; }")
                .append("table { width: 100%; border-collapse: collapse; margin-top: 12pt; }")
                .append("td, th { border: 0.5pt solid #333; padding: 3pt 5pt; font-size: 10pt; }")
                .append("td.n { text-align: right; width: 18%; } td.r { color: #444; font-size: 9pt; }")
                .append("</style></head><body>");
        html.append("<h1>").append(xml(title(report))).append("</h1>");
        html.append("<p class=\"meta\">统计期间：").append(report.month().atDay(1)).append(" 至 ")
                .append(report.month().atEndOfMonth()).append("　生成时间：").append(format.format(report.generatedAt()))
                .append("</p><table><tr><th>指标</th><th>数值</th><th>统计口径</th></tr>");
        for (var f : report.figures()) {
            html.append("<tr><td>").append(xml(f.label())).append("</td><td class=\"n\">").append(f.value())
                    .append("</td><td class=\"r\">").append(xml(f.rule())).append("</td></tr>");
        }
        html.append("</table><p class=\"meta\">LawFlow 自动生成；工作日按行政处罚法第八十五条计算。</p></body></html>");
        try (var out = new ByteArrayOutputStream(32 * 1024)) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(StatisticsFormats::font, FONT_FAMILY);
            builder.withHtmlContent(html.toString(), null);
            builder.withProducer("LawFlow");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("统计报表PDF生成失败", e);
        }
    }

    private static InputStream font() {
        InputStream in = StatisticsFormats.class.getResourceAsStream(FONT_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Font " + FONT_RESOURCE + " missing (ph-fonts-noto-sans-sc)");
        }
        return in;
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value.replace("\"", "\"\"");
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("，") ? "\"" + v + "\"" : v;
    }

    private static String xml(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
