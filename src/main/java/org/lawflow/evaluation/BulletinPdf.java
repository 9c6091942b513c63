package org.lawflow.evaluation;

import java.util.List;

import org.lawflow.documents.DocumentKind;
import org.lawflow.documents.ReportPdf;
import org.lawflow.system.ChinaTimeFormat;
import org.springframework.stereotype.Component;

/**
 * The bulletin 案卷评查情况通报 as PDF (the documents' renderer and embedded font, {@link ReportPdf}): year, agency,
 * sampling method and seed, each sampled case with grade and problems, the counts, and the rectification asked for.
 */
@Component
class BulletinPdf {

    private final ReportPdf pdf;

    BulletinPdf(ReportPdf pdf) {
        this.pdf = pdf;
    }

    static String title(String agencyName, int year) {
        return agencyName + year + "年度" + DocumentKind.CASE_EVALUATION_BULLETIN.title();
    }

    static String fileName(CaseEvaluations.Evaluation e) {
        return "case-evaluation-" + e.agencyId() + "-" + e.year() + ".pdf";
    }

    /** 抽查 n 件，合格 a 件，不合格 b 件 (the figures the head and the mail see). */
    static String counts(CaseEvaluations.Evaluation e, List<CaseEvaluations.Sample> samples) {
        long failed = samples.stream().filter(s -> EvaluationChecklist.GRADE_FAIL.equals(s.grade())).count();
        long passed = samples.stream().filter(s -> EvaluationChecklist.GRADE_PASS.equals(s.grade())).count();
        return "本年度作出决定的案卷" + e.population() + "件，随机抽查" + samples.size() + "件：合格" + passed + "件，不合格"
                + failed + "件" + (samples.size() == 0 ? "（本年度无可评查案卷）" : "") + "。";
    }

    static String method(CaseEvaluations.Evaluation e) {
        return "随机抽查：本年度作出决定（含不予处罚、不予立案、结案）的案卷按案号排序，以随机种子 " + e.seed()
                + " 经 java.util.Random 洗牌（Collections.shuffle）后取前 " + e.sampleSize()
                + " 件；实际案卷少于抽查数量的，全部评查。";
    }

    byte[] render(String agencyName, CaseEvaluations.Evaluation e, List<CaseEvaluations.Sample> samples,
            int rectificationWorkdays) {
        String title = title(agencyName, e.year());
        StringBuilder html = new StringBuilder();
        html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><html><head><meta charset=\"UTF-8\"/><title>")
                .append(xml(title)).append("</title><style>")
                .append("@page { size: A4; margin: 20mm 18mm; @bottom-center { content: '第 ' counter(page) ' 页'; ")
                .append("font-family: '" + ReportPdf.FONT_FAMILY + "'; font-size: 9pt; } }")
                .append("body { font-family: '" + ReportPdf.FONT_FAMILY + "'; font-size: 11pt; }")
                .append("h1 { text-align: center; font-size: 18pt; font-weight: normal; }")
                .append("table { width: 100%; border-collapse: collapse; margin-top: 10pt; table-layout: fixed; }")
                .append("td, th { border: 0.5pt solid #333; padding: 3pt 5pt; font-size: 10pt; vertical-align: top; }")
                .append("td.p { white-space: pre-wrap; } .note { color: #444; font-size: 9pt; }")
                .append("</style></head><body>");
        html.append("<h1>").append(xml(title)).append("</h1>");
        html.append("<p>评查机构：").append(xml(agencyName)).append("　评查年度：").append(e.year()).append("年</p>");
        html.append("<p>评查方式：").append(xml(method(e))).append("</p>");
        html.append("<p>评查结果：").append(xml(counts(e, samples))).append("</p>");
        html.append("<table><tr><th style=\"width:8%\">序号</th><th style=\"width:30%\">案号</th>")
                .append("<th style=\"width:12%\">结果</th><th>存在问题</th></tr>");
        for (var s : samples) {
            html.append("<tr><td>").append(s.position()).append("</td><td>").append(xml(s.caseNo()))
                    .append("</td><td>").append(xml(s.grade() == null ? "未评查" : s.grade()))
                    .append("</td><td class=\"p\">").append(xml(problems(s))).append("</td></tr>");
        }
        html.append("</table>");
        html.append("<p>整改要求：不合格案卷由主办执法人员自通报之日起").append(rectificationWorkdays)
                .append("个工作日内整改（本机关内部时限，待核实），报监督管理人员确认。</p>");
        html.append("<p class=\"note\">评查标准：").append(xml(EvaluationChecklist.ITEMS.stream()
                .map(EvaluationChecklist.Item::label).reduce((a, b) -> a + "；" + b).orElse("")))
                .append("。依据法制审核内容（国办发〔2018〕118号）拟定，待与《青海省交通运输行政执法案卷评查制度》核对。")
                .append("依据：青交〔2024〕32号（每年度不少于1次执法案卷评查，通报评查结果，整改不合格案卷）。")
                .append("生成时间：").append(ChinaTimeFormat.dateTime(org.lawflow.system.ChinaTime.nowDate()))
                .append("。</p></body></html>");
        return pdf.render(html.toString(), title);
    }

    /** The 不合格 items with their problems; 合格 and unevaluated cases have none. */
    static String problems(CaseEvaluations.Sample s) {
        if (s.findings() == null) {
            return "";
        }
        return s.findings().lines().filter(l -> l.contains("：不合格——")).map(l -> l.replace("：不合格——", "："))
                .reduce((a, b) -> a + "\n" + b).orElse("无");
    }

    private static String xml(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
