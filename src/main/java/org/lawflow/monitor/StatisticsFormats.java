package org.lawflow.monitor;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.lawflow.documents.ReportPdf;
import org.lawflow.system.ChinaTimeFormat;
import org.springframework.stereotype.Component;


/**
 * The monthly statistics as CSV (UTF-8 with BOM, opens in Excel/WPS) and as PDF (the documents' renderer and embedded
 * Noto Sans SC, through {@link ReportPdf}).
 */
@Component
class StatisticsFormats {

    private static final String FONT_FAMILY = ReportPdf.FONT_FAMILY;

    private final ReportPdf pdf;

    StatisticsFormats(ReportPdf pdf) {
        this.pdf = pdf;
    }

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
        html.append("<p class=\"meta\">统计期间：").append(period(report.month())).append("　生成时间：")
                .append(ChinaTimeFormat.dateTime(report.generatedAt()))
                .append("</p><table><tr><th>指标</th><th>数值</th><th>统计口径</th></tr>");
        for (var f : report.figures()) {
            html.append("<tr><td>").append(xml(f.label())).append("</td><td class=\"n\">").append(f.value())
                    .append("</td><td class=\"r\">").append(xml(f.rule())).append("</td></tr>");
        }
        html.append("</table><p class=\"meta\">LawFlow 自动生成；工作日按行政处罚法第八十五条计算。</p></body></html>");
        return pdf.render(html.toString(), title(report));
    }

    /** 2026年11月1日（星期日）至 2026年11月30日（星期一） */
    static String period(YearMonth month) {
        return ChinaTimeFormat.date(month.atDay(1)) + "至 " + ChinaTimeFormat.date(month.atEndOfMonth());
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
