package org.lawflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.ChinaTimeFormat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Issue #29, 行政处罚法第四十八条: an officer's withdrawal of a published decision waits for the head's approval; a
 * refusal keeps the entry, an approval marks it 已撤回 with the date and the (masked) reason on the public page for
 * the notice period, after which it disappears. A correction replaces the 执法结论, masked, with a visible 更正 date.
 */
@LawFlowSpringTest
class PublicationChangeApiTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine processEngine;
    @Autowired JdbcClient jdbc;

    @Test
    void aWithdrawalWaitsForTheHeadAndThenShowsItsReasonPubliclyForTheNoticePeriod() {
        var api = new ApiClient(rest);
        var flows = new Flows(api, processEngine);
        var published = publishedCitizenCase(api, flows);
        String withdrawal = "/api/cases/" + published.id() + "/publication/withdrawal";
        var request = Map.of("reason", "复议机关撤销原处罚决定，当事人马建国的申请成立", "changedOn", ApiClient.todayInChina());

        var notOfficer = api.post("wangfang", withdrawal, request);
        assertThat(notOfficer.status()).isEqualTo(400);
        assertThat(notOfficer.body()).contains("只有本案执法人员可以申请撤回公示");

        var requested = api.post("zhangwei", withdrawal, request);
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.json().at("/status").asText()).isEqualTo("PENDING");
        assertThat(requested.json().at("/kind").asText()).isEqualTo("WITHDRAWAL");
        var again = api.post("liqiang", withdrawal, request);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("待负责人审批的撤回公示申请");
        assertThat(entry(api, published.caseNo()).at("/withdrawn").asBoolean()).as("nothing changes before the approval")
                .isFalse();
        assertThat(flows.task(published.caseNo(), "Task_ApproveWithdrawal").getDueDate()).isNotNull();

        // refused: the entry stays, the request is closed with the head's reasons
        flows.done("zhaomin", published.caseNo(), "Task_ApproveWithdrawal",
                Map.of("withdrawalDecision", "REFUSE", "withdrawalOpinion", "复议决定尚未送达，暂不撤回"));
        assertThat(entry(api, published.caseNo()).at("/withdrawn").asBoolean()).isFalse();
        assertThat(status(published.id())).containsExactly("REFUSED:zhaomin:复议决定尚未送达，暂不撤回");

        // asked again and approved: 已撤回 with date and masked reason, on the page and in the JSON
        assertThat(api.post("zhangwei", withdrawal, request).status()).isEqualTo(202);
        flows.done("zhaomin", published.caseNo(), "Task_ApproveWithdrawal",
                Map.of("withdrawalDecision", "APPROVE", "withdrawalOpinion", "复议决定已送达，同意撤回"));
        assertThat(status(published.id())).containsExactly("REFUSED:zhaomin:复议决定尚未送达，暂不撤回",
                "APPROVED:zhaomin:复议决定已送达，同意撤回");
        String maskedReason = "复议机关撤销原处罚决定，当事人马**的申请成立";
        String page = rest.getForObject("/public/decisions", String.class);
        assertThat(page).contains(published.caseNo(), "已撤回", ChinaTimeFormat.documentDate(ChinaTime.today()),
                maskedReason).doesNotContain("马建国");
        var entry = entry(api, published.caseNo());
        assertThat(entry.at("/withdrawn").asBoolean()).isTrue();
        assertThat(entry.at("/withdrawnOn").asText()).isEqualTo(ApiClient.todayInChina());
        assertThat(entry.at("/withdrawalReason").asText()).isEqualTo(maskedReason);
        assertThat(events(published.id())).contains("申请撤回公示，报负责人审批", "负责人不同意撤回公示，公示继续有效",
                "撤回公示", "负责人同意撤回公示");
        assertThat(api.post("zhangwei", withdrawal, request).status()).as("withdrawn once").isEqualTo(409);

        // after the notice period (lawflow.publication.withdrawal-notice-days, 30) the entry is gone
        jdbc.sql("update publication set withdrawn_at = ? where case_id = ?")
                .params(ChinaTime.nowOffset().minusDays(31), java.util.UUID.fromString(published.id())).update();
        assertThat(rest.getForObject("/public/decisions", String.class)).doesNotContain(published.caseNo());
        assertThat(rest.getForObject("/public/decisions.json", String.class)).doesNotContain(published.caseNo());
    }

    @Test
    void aCorrectionReplacesTheConclusionMaskedAndShowsItsDate() {
        var api = new ApiClient(rest);
        var flows = new Flows(api, processEngine);
        var published = publishedCitizenCase(api, flows);
        String correction = "/api/cases/" + published.id() + "/publication/correction";

        for (var bad : List.of(Map.<String, Object>of("text", "x"), Map.of("reason", "笔误"),
                Map.of("reason", "笔误", "text", "x", "conclusionNote", "y"))) {
            var refused = api.post("zhangwei", correction, bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.json().at("/field").asText()).isIn("reason", "conclusionNote", "text");
        }
        assertThat(api.post("zhangwei", correction, Map.of("reason", "笔误")).json().at("/field").asText())
                .isEqualTo("conclusionNote");

        String text = "当事人马建国（身份证号630102198506123019）未取得道路运输经营许可擅自从事道路旅客运输经营，决定给予罚款2000元的行政处罚。";
        var corrected = api.post("zhangwei", correction, Map.of("text", text, "reason", "原公示的罚款金额有误"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);

        String page = rest.getForObject("/public/decisions", String.class);
        assertThat(page).contains("当事人马**（身份证号630102********3019）未取得道路运输经营许可",
                "更正于" + ChinaTimeFormat.documentDate(ChinaTime.today())).doesNotContain("马建国", "198506123019");
        var entry = entry(api, published.caseNo());
        assertThat(entry.at("/correctedOn").asText()).isEqualTo(ApiClient.todayInChina());
        assertThat(entry.at("/withdrawn").asBoolean()).isFalse();
        // or a note after the text generated from the case, as at publication
        assertThat(api.post("wangfang", correction, Map.of("conclusionNote", "x", "reason", "y")).status())
                .as("not an officer of the case").isEqualTo(400);
        var noted = api.post("zhangwei", correction,
                Map.of("conclusionNote", "马建国已于当日缴纳罚款。", "reason", "补充缴纳罚款情况"));
        assertThat(noted.status()).as(noted.body()).isEqualTo(200);
        assertThat(entry(api, published.caseNo()).at("/conclusion").asText())
                .contains("决定给予罚款2000元的行政处罚").endsWith("马**已于当日缴纳罚款。");
        assertThat(jdbc.sql("select kind || ':' || status || ':' || reason from publication_change where case_id = ? "
                + "order by requested_at").param(java.util.UUID.fromString(published.id())).query(String.class).list())
                .containsExactly("CORRECTION:APPROVED:原公示的罚款金额有误", "CORRECTION:APPROVED:补充缴纳罚款情况");
        assertThat(events(published.id())).contains("更正公示内容");
    }

    private List<String> status(String caseId) {
        return jdbc.sql("select status || ':' || decided_by || ':' || decision_reason from publication_change "
                + "where case_id = ? and kind = 'WITHDRAWAL' order by requested_at")
                .param(java.util.UUID.fromString(caseId)).query(String.class).list();
    }

    private List<String> events(String caseId) {
        return jdbc.sql("select action from case_event where case_id = ?").param(java.util.UUID.fromString(caseId))
                .query(String.class).list();
    }

    private com.fasterxml.jackson.databind.JsonNode entry(ApiClient api, String caseNo) {
        for (var e : api.get("zhangwei", "/public/decisions.json").json()) {
            if (e.at("/caseNo").asText().equals(caseNo)) {
                return e;
            }
        }
        throw new AssertionError("not on the public page: " + caseNo);
    }

    /** A citizen's case decided by the head and published through the REST APIs (as in PublicationPrivacyApiTest). */
    private static Flows.FiledCase publishedCitizenCase(ApiClient api, Flows flows) {
        var registration = ApiClient.citizenCase("zhangwei", "liqiang");
        registration.put("proposedDecision", Map.of("penalties", List.of(Map.of("kind", "FINE", "amount", 3000))));
        var filed = flows.filedCase("zhangwei", registration);
        String caseNo = filed.caseNo();
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);
        flows.done("zhangwei", caseNo, "Task_SubmitProposedDecision", Map.of("proposalConfirmed", true));
        flows.runJobs(caseNo);
        flows.done("zhangwei", caseNo, "Task_RecordNoticeDelivery",
                Map.of("noticeDeliveredOn", ApiClient.todayInChina(), "deliveryMethod", "DIRECT"));
        flows.done("zhangwei", caseNo, "Task_RecordStatement",
                Map.of("partyStated", false, "statementWaived", true, "opinion", "当事人书面放弃陈述申辩"));
        flows.runJobs(caseNo);
        flows.done("zhaomin", caseNo, "Task_HeadDecision", Map.of("headDecision", "PENALTY",
                "decidedFineAmount", 2000, "decisionOpinion", "当事人初次违法，给予罚款二千元的行政处罚。"));
        flows.runJobs(caseNo);
        flows.done("zhangwei", caseNo, "Task_RecordDecisionService",
                Map.of("servedOn", ApiClient.todayInChina(), "serviceMethod", "DIRECT"));
        flows.runJobs(caseNo);
        flows.done("zhangwei", caseNo, "Task_ConfirmPublication", Map.of("publicationText", "当事人已缴纳罚款。"));
        flows.runJobs(caseNo);
        return filed;
    }
}
