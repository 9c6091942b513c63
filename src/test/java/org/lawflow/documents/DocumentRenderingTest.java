package org.lawflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every kind renders to a PDF whose text (parsed back with PDFBox) is Chinese in the embedded Noto Sans SC. */
class DocumentRenderingTest {

    static final DocumentRendering RENDERING = new DocumentRendering();

    static String text(byte[] pdf) throws IOException {
        return org.lawflow.PdfText.of(pdf);
    }

    static List<PDFont> fonts(byte[] pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
        }
        return fonts;
    }

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void everyKindRendersWithTitleCaseNumberAndEmbeddedFont(DocumentKind kind) throws IOException {
        var c = SampleCases.citizenCase();
        var rendered = RENDERING.render(kind, c, SampleCases.xining(), SampleCases.reviewVariables(),
                LocalDate.of(2026, 12, 2));
        String text = text(rendered.pdf()).replaceAll("\\s+", "");
        assertThat(text).contains(kind.title(), "西宁市交通运输综合行政执法支队", "宁交执罚〔2026〕7号",
                rendered.contentSha256(), "（印章）", "2026年12月2日");
        assertThat(rendered.sha256()).isEqualTo(DocumentRendering.sha256(rendered.pdf())).hasSize(64);
        assertThat(fonts(rendered.pdf())).isNotEmpty().allSatisfy(f -> {
            assertThat(f.isEmbedded()).as(f.getName()).isTrue();
            assertThat(f.getName()).contains("NotoSans");
        });
    }

    /** Stamped after layout (PdfRenderer.stamp): in the bottom margin of every page, clear of the body text. */
    @Test
    void everyPageCarriesTheFooterInItsBottomMargin() throws IOException {
        var rendered = RENDERING.render(DocumentKind.PENALTY_DECISION, SampleCases.citizenCase(), SampleCases.xining(),
                SampleCases.reviewVariables(), LocalDate.of(2026, 12, 2));
        try (PDDocument doc = Loader.loadPDF(rendered.pdf())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).as("the sample decision runs onto a second page").isGreaterThan(1);
            for (int page = 1; page <= pages; page++) {
                PDPage pdPage = doc.getPage(page - 1);
                float width = pdPage.getMediaBox().getWidth();
                float height = pdPage.getMediaBox().getHeight();
                float bottomMargin = 26 / 25.4f * 72;
                var stripper = new PDFTextStripperByArea();
                stripper.setSortByPosition(true);
                stripper.addRegion("margin", new Rectangle2D.Float(0, height - bottomMargin, width, bottomMargin));
                stripper.addRegion("body", new Rectangle2D.Float(0, 0, width, height - bottomMargin));
                stripper.extractRegions(pdPage);
                String margin = stripper.getTextForRegion("margin").replaceAll("[\\s\\p{Z}]+", "");
                String body = stripper.getTextForRegion("body").replaceAll("[\\s\\p{Z}]+", "");
                assertThat(margin).as("footer of page %d", page).isEqualTo("案号宁交执罚〔2026〕7号文号" + rendered.docNo()
                        + "第" + page + "页/共" + pages + "页内容校验SHA-256" + rendered.contentSha256() + "文件SHA-256见登记");
                assertThat(body).as("body of page %d", page).isNotEmpty().doesNotContain("内容校验", "共" + pages + "页");
            }
        }
    }

    @Test
    void penaltyDecisionNamesTheRemediesAndTheirTimeLimits() throws IOException {
        var rendered = RENDERING.render(DocumentKind.PENALTY_DECISION, SampleCases.citizenCase(), SampleCases.xining(),
                SampleCases.reviewVariables(), LocalDate.of(2026, 12, 2));
        String text = text(rendered.pdf()).replaceAll("\\s+", "");
        assertThat(text).contains("行政处罚决定书", "马建国", "罚款30000元", "六十日内", "《中华人民共和国行政复议法》第二十条",
                "六个月内", "《中华人民共和国行政诉讼法》第四十六条", "十五日内");
    }

    /** Issue #28, items 2 and 10: one amount, the decided one; the party addressed as it is; the remedy bodies named. */
    @Test
    void penaltyDecisionStatesTheDecidedPenaltyOnlyAddressesThePartyAndNamesTheRemedyBodies() throws IOException {
        var vars = new java.util.HashMap<>(SampleCases.reviewVariables());
        vars.put("decidedPenalty", "罚款20000元");
        vars.put("decidedFineAmount", 20000.0);
        vars.put("reconsiderationBody", "西宁市人民政府");
        vars.put("remedyCourt", "西宁市城中区人民法院");
        String citizen = text(RENDERING.render(DocumentKind.PENALTY_DECISION, SampleCases.citizenCase(),
                SampleCases.xining(), vars, LocalDate.of(2026, 12, 2)).pdf()).replaceAll("\\s+", "");
        assertThat(citizen).contains("对你作出如下行政处罚：罚款20000元。", "你的上述行为",
                "如不服本决定，可以自收到本决定书之日起六十日内向西宁市人民政府申请行政复议，"
                        + "或者自收到本决定书之日起六个月内向西宁市城中区人民法院提起行政诉讼")
                .doesNotContain("30000", "你（单位）", "你单位", "决定罚款金额");
        String organisation = text(RENDERING.render(DocumentKind.PENALTY_DECISION, organisationCase(),
                SampleCases.xining(), vars, LocalDate.of(2026, 12, 2)).pdf()).replaceAll("\\s+", "");
        assertThat(organisation).contains("你单位的上述行为", "对你单位作出如下行政处罚").doesNotContain("你（单位）");
        String notice = text(RENDERING.render(DocumentKind.VIOLATION_NOTICE, organisationCase(), SampleCases.xining(),
                vars, LocalDate.of(2026, 12, 2)).pdf()).replaceAll("\\s+", "");
        assertThat(notice).contains("经调查，你单位", "你单位有权进行陈述和申辩").doesNotContain("你（单位）");
    }

    @Test
    void filingDocumentsAndDiscussionRecordStateTheDecidedPenaltyInChineseWithoutCodes() throws IOException {
        var vars = new java.util.HashMap<>(SampleCases.reviewVariables());
        vars.put("decidedPenalty", "罚款20000元");
        vars.put("currentPenalty", "罚款20000元");
        for (DocumentKind kind : List.of(DocumentKind.FILING_REPORT, DocumentKind.FILING_FORM,
                DocumentKind.COLLECTIVE_DISCUSSION)) {
            String text = text(RENDERING.render(kind, SampleCases.citizenCase(), SampleCases.xining(), vars,
                    LocalDate.of(2026, 12, 2)).pdf()).replaceAll("\\s+", "");
            assertThat(text).as(kind.name()).contains("罚款20000元", "给予行政处罚")
                    .doesNotContain("30000", "PENALTY", "APPROVE");
        }
    }

    /** Issue #28 item 4: the 集体讨论记录 lists each attendee with his or her own view (a Json variable, as the guard sets it). */
    @Test
    void discussionRecordListsEachAttendeeWithHisOrHerView() throws IOException {
        var vars = new java.util.HashMap<>(SampleCases.reviewVariables());
        vars.put("discussionAttendeeNames", "赵敏、钱磊");
        vars.put("discussionAttendeeViews", org.camunda.spin.Spin.JSON("[{\"attendee\":\"zhaomin\",\"name\":\"赵敏\","
                + "\"role\":\"正职负责人\",\"view\":\"事实清楚，同意罚款。\"},{\"attendee\":\"qianlei\",\"name\":\"钱磊\","
                + "\"role\":\"副职负责人\",\"view\":\"同意，建议从轻。\"}]"));
        vars.put("discussionRecord", "会议由赵敏主持。");
        String text = text(RENDERING.render(DocumentKind.COLLECTIVE_DISCUSSION, SampleCases.citizenCase(),
                SampleCases.xining(), vars, LocalDate.of(2026, 12, 2)).pdf()).replaceAll("\\s+", "");
        assertThat(text).contains("参加人员赵敏、钱磊", "参加人员意见", "赵敏（正职负责人）事实清楚，同意罚款。",
                "钱磊（副职负责人）同意，建议从轻。", "其他讨论情况会议由赵敏主持。").doesNotContain("zhaomin", "qianlei");
    }

    @Test
    void legalReviewOpinionNamesTheHandlingAgencyAndTheReviewer() throws IOException {
        var vars = new java.util.HashMap<>(SampleCases.reviewVariables());
        vars.put("legalReviewerName", "王芳");
        vars.put("officerNames", "李强、张伟");
        vars.put("reviewedPenalty", "罚款25000元");
        String text = text(RENDERING.render(DocumentKind.LEGAL_REVIEW_OPINION, SampleCases.citizenCase(),
                SampleCases.xining(), vars, LocalDate.of(2026, 12, 2)).pdf()).replaceAll("\\s+", "");
        assertThat(text).contains("案件承办机构：西宁市交通运输综合行政执法支队（承办人员：李强、张伟）", "法制审核人员：王芳",
                "拟处罚：罚款30000元", "审核建议处罚：罚款25000元", "审核意见：同意");
    }

    @Test
    void violationNoticeNotYetServedPrintsNoServiceDateLine() throws IOException {
        var vars = new java.util.HashMap<>(SampleCases.reviewVariables());
        vars.remove("noticeDeliveredOn");
        String unserved = text(RENDERING.render(DocumentKind.VIOLATION_NOTICE, SampleCases.citizenCase(),
                SampleCases.xining(), vars, LocalDate.of(2026, 12, 2)).pdf()).replaceAll("\\s+", "");
        assertThat(unserved).contains("违法行为通知书").doesNotContain("送达日期");
        vars.put("noticeDeliveredOn", "2026-11-10");
        String served = text(RENDERING.render(DocumentKind.VIOLATION_NOTICE, SampleCases.citizenCase(),
                SampleCases.xining(), vars, LocalDate.of(2026, 12, 2)).pdf()).replaceAll("\\s+", "");
        assertThat(served).contains("通知书送达日期：2026年11月10日");
    }

    static org.lawflow.casefile.EnforcementCase organisationCase() {
        var c = SampleCases.citizenCase();
        var party = new org.lawflow.casefile.EnforcementCase.Party(
                org.lawflow.casefile.EnforcementCase.PartyType.ORGANIZATION, "西宁某某运输有限公司", "91630100MA752XXXX1",
                "王某", "0971-1234567", "青海省西宁市城北区", "yunshu@party.example");
        return new org.lawflow.casefile.EnforcementCase(c.id(), c.agencyId(), c.caseNo(), c.status(), c.cause(), party,
                c.facts(), c.evidence(), c.legalBasis(), c.penaltyBasis(), c.penalties(), c.officers(),
                c.majorPublicInterest(), c.complexCase(), c.socialImpact(), c.thirdPartyMajorInterest(), c.filedOn(), c.registeredBy(),
                c.registeredAt());
    }

    @Test
    void violationNoticeHasStatementRightsAndTheHearingClauseOnlyWithHearingRights() throws IOException {
        var vars = new java.util.HashMap<>(SampleCases.reviewVariables());
        vars.put("statementPeriodWorkdays", 3);
        String with = text(RENDERING.render(DocumentKind.VIOLATION_NOTICE, SampleCases.citizenCase(),
                SampleCases.xining(), vars, LocalDate.of(2026, 12, 2)).pdf()).replaceAll("\\s+", "");
        assertThat(with).contains("违法行为通知书", "罚款30000元", "陈述和申辩", "《中华人民共和国道路运输条例》第八条",
                "3个工作日内", "要求举行听证", "五个工作日内", "2026年11月3日，当事人驾驶青A12345小型客车");
        vars.put("hearingRights", false);
        String without = text(RENDERING.render(DocumentKind.VIOLATION_NOTICE, SampleCases.citizenCase(),
                SampleCases.xining(), vars, LocalDate.of(2026, 12, 2)).pdf()).replaceAll("\\s+", "");
        assertThat(without).contains("陈述和申辩").doesNotContain("要求举行听证");
    }

    @Test
    void missingVariablesPrintADashAndPublicationMasksTheNaturalPerson() throws IOException {
        String record = text(RENDERING.render(DocumentKind.PUBLICATION_RECORD, SampleCases.citizenCase(),
                SampleCases.xining(), Map.of(), LocalDate.of(2026, 12, 2)).pdf()).replaceAll("\\s+", "");
        assertThat(record).contains("马**", "630102********3019", "—").doesNotContain("马建国", "630102198506123019");
        // the 执法结论 is the published (masked) text, never the officer's raw note
        String published = text(RENDERING.render(DocumentKind.PUBLICATION_RECORD, SampleCases.citizenCase(),
                SampleCases.xining(), Map.of("publicationText", "当事人马建国已缴纳罚款", "publishedConclusion",
                        "决定给予罚款30000元的行政处罚。当事人马**已缴纳罚款"), LocalDate.of(2026, 12, 2)).pdf())
                .replaceAll("\\s+", "");
        assertThat(published).contains("当事人马**已缴纳罚款").doesNotContain("马建国");
        String hearing = text(RENDERING.render(DocumentKind.HEARING_RECORD, SampleCases.citizenCase(),
                SampleCases.xining(), Map.of(), LocalDate.of(2026, 12, 2)).pdf()).replaceAll("\\s+", "");
        assertThat(hearing).contains("听证笔录", "主持人—");
    }
}
