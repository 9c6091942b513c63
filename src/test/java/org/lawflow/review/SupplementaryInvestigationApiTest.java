package org.lawflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * 退回补充 (issue #28, item 8): the officers amend the evidence and the proposed fine; the case file changes, each change
 * is in the full-process record with what it was, and the party is told again before the review goes on.
 */
@LawFlowSpringTest
class SupplementaryInvestigationApiTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;

    @Test
    void amendedEvidenceAndFineAreRecordedAndThePartyIsNotifiedAgain() {
        var api = new ApiClient(rest);
        var flows = new Flows(api, engine);
        var filed = flows.majorCaseAtLegalReview(ApiClient.todayInChina());
        String caseNo = filed.caseNo();
        flows.done("wangfang", caseNo, "Task_ReviewLegality", Map.of("checkSubject", true, "checkAuthority", true,
                "checkProcedure", true, "checkFacts", false, "checkLawApplied", true, "checkDiscretion", true,
                "checkDocuments", true, "suspectedCrime", false, "reviewOpinion", "RETURN",
                "reviewReasons", "缺少现场勘验笔录，罚款金额与裁量基准不符"));
        flows.runJobs(caseNo);

        var tooMuch = flows.completeAs("zhangwei", caseNo, "Task_SupplementCase",
                Map.of("supplementNote", "补充", "amendedFineAmount", -5));
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(400);

        flows.done("zhangwei", caseNo, "Task_SupplementCase", Map.of("supplementNote", "补充现场勘验笔录；按裁量基准调整罚款",
                "amendedEvidence", "现场笔录：2026年11月20日现场检查笔录\n勘验笔录：2026年11月25日现场勘验笔录",
                "amendedFineAmount", 2000));
        flows.runJobs(caseNo);

        var details = api.get("zhangwei", "/api/cases/" + filed.id()).json();
        assertThat(details.toString()).contains("2026年11月25日现场勘验笔录");
        assertThat(details.at("/events").toString()).contains("变更证据清单", "变更拟处罚决定", "罚款3000元", "罚款2000元");
        assertThat(flows.task(caseNo, "Task_SubmitProposedDecision").getAssignee())
                .as("the new proposal is confirmed and notified again").isEqualTo("zhangwei");
    }
}
