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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Issue #29: the officer's note to the publication named the party with identity number and mobile, and the public
 * page printed it. A citizen's case runs to publication through the REST APIs; nothing public and nothing stored
 * for the public holds the party's data, only its masked form, and the officer saw that form before confirming.
 */
@LawFlowSpringTest
class PublicationPrivacyApiTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    private static final String NOTE = "当事人马建国（身份证号630102198506123019，手机13800971234）已于当日缴纳罚款。";
    private static final String MASKED_NOTE = "当事人马**（身份证号630102********3019，手机138****1234）已于当日缴纳罚款。";
    private static final List<String> PERSONAL = List.of("马建国", "630102198506123019", "13800971234");

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine processEngine;
    @Autowired JdbcClient jdbc;

    @Test
    void theOfficersNoteIsPublishedMaskedAndTheConclusionIsWrittenFromTheCase() {
        var api = new ApiClient(rest);
        var flows = new Flows(api, processEngine);
        var registration = ApiClient.citizenCase("zhangwei", "liqiang");
        registration.put("proposedDecision", Map.of("penalties", List.of(Map.of("kind", "FINE", "amount", 3000))));
        var filed = flows.filedCase("zhangwei", registration);
        String caseNo = filed.caseNo();
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);
        complete(flows, "zhangwei", caseNo, "Task_SubmitProposedDecision", Map.of("proposalConfirmed", true));
        flows.runJobs(caseNo);
        complete(flows, "zhangwei", caseNo, "Task_RecordNoticeDelivery",
                Map.of("noticeDeliveredOn", ApiClient.todayInChina(), "deliveryMethod", "DIRECT"));
        complete(flows, "zhangwei", caseNo, "Task_RecordStatement",
                Map.of("partyStated", false, "statementWaived", true, "opinion", "当事人书面放弃陈述申辩"));
        flows.runJobs(caseNo);
        complete(flows, "zhaomin", caseNo, "Task_HeadDecision", Map.of("headDecision", "PENALTY",
                "decidedFineAmount", 2000, "decisionOpinion", "当事人初次违法，给予罚款二千元的行政处罚。"));
        flows.runJobs(caseNo);
        complete(flows, "zhangwei", caseNo, "Task_RecordDecisionService",
                Map.of("servedOn", ApiClient.todayInChina(), "serviceMethod", "DIRECT"));
        flows.runJobs(caseNo);

        // the form shows the server's masked preview of the text generated from the case
        String taskId = flows.task(caseNo, "Task_ConfirmPublication").getId();
        var formVariables = api.get("zhangwei", "/engine-rest/task/" + taskId + "/form-variables");
        String preview = formVariables.json().at("/publicationPreview/value").asText();
        assertThat(preview).contains("当事人因未取得道路运输经营许可擅自从事道路旅客运输经营", "《中华人民共和国道路运输条例》第八条",
                "《中华人民共和国道路运输条例》第六十三条", "决定给予罚款2000元的行政处罚");

        // a note with personal data: the officer is shown its masked form and has to accept it
        var unconfirmed = flows.completeAs("zhangwei", caseNo, "Task_ConfirmPublication", Map.of("publicationText", NOTE));
        assertThat(unconfirmed.status()).isGreaterThanOrEqualTo(400);
        assertThat(unconfirmed.body()).contains(MASKED_NOTE, "按脱敏后的文本公示");
        PERSONAL.forEach(data -> assertThat(unconfirmed.body()).doesNotContain(data));
        complete(flows, "zhangwei", caseNo, "Task_ConfirmPublication",
                Map.of("publicationText", NOTE, "publicationMaskingAccepted", true));
        flows.runJobs(caseNo);

        String stored = jdbc.sql("select conclusion from publication where case_no = ?").param(caseNo)
                .query(String.class).single();
        assertThat(stored).isEqualTo(preview + MASKED_NOTE);
        for (String page : List.of(rest.getForObject("/public/decisions", String.class),
                rest.getForObject("/public/decisions.json", String.class))) {
            assertThat(page).contains(caseNo, "马**", "630102********3019", MASKED_NOTE);
            PERSONAL.forEach(data -> assertThat(page).doesNotContain(data));
        }
    }

    private static void complete(Flows flows, String user, String caseNo, String taskKey, Map<String, Object> vars) {
        var done = flows.completeAs(user, caseNo, taskKey, vars);
        assertThat(done.status()).as("complete " + taskKey + " as " + user + ": " + done.body()).isIn(200, 204);
    }
}
