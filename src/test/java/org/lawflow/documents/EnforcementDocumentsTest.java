package org.lawflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lawflow.documents.DocumentRenderingTest.RENDERING;
import static org.lawflow.documents.DocumentRenderingTest.text;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The 催告书 and the 结案报告 of penalty-enforcement state what the law requires them to state. */
class EnforcementDocumentsTest {

    @Test
    void theDemandStatesFineSurchargeDeadlineAndTheRightToBeHeard() throws IOException {
        String demand = text(RENDERING.render(DocumentKind.ENFORCEMENT_DEMAND, SampleCases.citizenCase(),
                SampleCases.xining(), Map.of("decidedPenalty", "罚款20000元", "decidedFine", "20000", "decidedOn",
                        "2026-11-23", "servedOn", "2026-11-24", "paymentDeadline", "2026-12-09", "remedyPeriodsEnd",
                        "2027-05-24", "demandMadeOn", "2027-05-25", "demandSurcharge", "20000", "demandTotal", "40000",
                        "performWithinWorkdays", 10), LocalDate.of(2027, 5, 25)).pdf()).replaceAll("\\s+", "");
        assertThat(demand).contains("催告书", "罚款20000元", "加处罚款20000元", "合计应缴40000元", "2026年12月9日前缴纳",
                "2027年5月24日届满", "自收到本催告书之日起10个工作日内", "有权进行陈述和申辩", "申请人民法院强制执行",
                "行政强制法》第三十五条").doesNotContain("—");
    }

    @Test
    void theClosureReportStatesHowThePenaltyWasPerformed() throws IOException {
        String report = text(RENDERING.render(DocumentKind.CLOSURE_REPORT, SampleCases.citizenCase(),
                SampleCases.xining(), Map.of("decidedPenalty", "暂扣许可证件", "decidedOn", "2026-11-23", "servedOn",
                        "2026-11-24", "withFine", false, "performanceSummary", "2026年11月25日履行完毕：已暂扣道路运输证三个月",
                        "officerNames", "张伟、李强"), LocalDate.of(2026, 11, 26)).pdf()).replaceAll("\\s+", "");
        assertThat(report).contains("结案报告", "暂扣许可证件", "已暂扣道路运输证三个月", "请负责人审批")
                .doesNotContain("加处罚款");
    }
}
