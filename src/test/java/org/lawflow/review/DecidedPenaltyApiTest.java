package org.lawflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.casefile.PenaltyHistory;
import org.lawflow.casefile.PenaltyRevision;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.system.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Issue #28, item 2: the hearing report recommended 20,000 元 after a 30,000 元 proposal and the head decided
 * 20,000 元, yet 备案报告 and 备案表 said 罚款30000元, the 决定书 stated two amounts and 公示 took the proposal. Run
 * through the REST APIs as the demo users: every document (parsed back), the filing package, the 备案 mails and the
 * public page state the decided 20,000 元 and never 30,000 元; a blank head amount is refused, not read as the
 * proposal; the penalty history and the full-process record say who set which amount and why.
 */
@LawFlowSpringTest
class DecidedPenaltyApiTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine processEngine;
    @Autowired StatutoryDeadlines deadlines;
    @Autowired PenaltyHistory penalties;

    ApiClient api;
    Flows flows;

    @Test
    void theHeadsDecidedFineIsTheOneEveryDocumentMailAndPublicEntryStates() throws Exception {
        api = new ApiClient(rest);
        flows = new Flows(api, processEngine);
        // 30,000 元, citizen; the hearing: requested, held, and its report recommends 20,000 元
        String hearingDay = deadlines.deadline(StatutoryPeriod.HEARING_NOTICE, ChinaTime.today(), "xining").due()
                .plusDays(1).toString();
        var filed = flows.caseAtHearingReport(hearingDay);
        String caseNo = filed.caseNo();
        String today = ApiClient.todayInChina();
        var tooHigh = flows.completeAs("chenjing", caseNo, "Task_WriteHearingReport",
                Map.of("hearingOpinion", "当事人初次违法，建议减轻罚款", "hearingRecommendedFineAmount", 40000));
        assertThat(tooHigh.status()).as(tooHigh.body()).isEqualTo(400);
        assertThat(tooHigh.body()).contains("hearingRecommendedFineAmount", "不得高于拟罚款金额");
        complete("chenjing", caseNo, "Task_WriteHearingReport",
                Map.of("hearingOpinion", "当事人初次违法，积极配合调查，建议罚款二万元", "hearingRecommendedFineAmount", 20000));
        flows.runJobs(caseNo);
        // 陈述申辩 runs beside the hearing (#28 item 3): the party defended at the hearing and adds nothing in writing
        complete("zhangwei", caseNo, "Task_RecordStatement", Map.of("partyStated", false, "statementWaived", true,
                "opinion", "当事人已在听证中陈述申辩，未另行提出书面意见"));
        flows.runJobs(caseNo);

        complete("wangfang", caseNo, "Task_ReviewLegality", Map.of("checkSubject", true, "checkAuthority", true,
                "checkProcedure", true, "checkFacts", true, "checkLawApplied", true, "checkDiscretion", true,
                "checkDocuments", true, "suspectedCrime", false, "reviewOpinion", "APPROVE",
                "reviewReasons", "事实清楚，证据确凿，同意听证报告建议的罚款金额。"));
        flows.runJobs(caseNo);
        var discussion = Flows.discussion("zhaomin", "同意罚款二万元。", "qianlei", "同意。");
        discussion.putAll(Map.of("discussedOn", today, "discussionConclusion", "PENALTY"));
        complete("zhaomin", caseNo, "Task_CollectiveDiscussion", discussion);
        flows.runJobs(caseNo);

        // the head's form offers the current proposal, 20,000 元; a blank amount is refused, naming the field
        String headTask = flows.task(caseNo, "Task_HeadDecision").getId();
        JsonNode form = api.get("zhaomin", "/engine-rest/task/" + headTask + "/form-variables").json();
        assertThat(form.at("/decidedFineAmount/value").asDouble()).isEqualTo(20000.0);
        assertThat(form.at("/currentPenalty/value").asText()).isEqualTo("罚款20000元");
        for (Object blank : new Object[] {"", " "}) {
            var refused = flows.completeAs("zhaomin", caseNo, "Task_HeadDecision", Map.of("headDecision", "PENALTY",
                    "decidedFineAmount", blank, "decisionOpinion", "给予罚款。"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("decidedFineAmount", "决定罚款金额");
        }
        var nullAmount = new HashMap<String, Object>(Map.of("headDecision", "PENALTY", "decisionOpinion", "给予罚款。"));
        nullAmount.put("decidedFineAmount", null);
        assertThat(completeWithNull(caseNo, nullAmount).status()).isEqualTo(400);
        assertThat(penalties.decided(java.util.UUID.fromString(filed.id()))).as("nothing decided by a refusal")
                .isEmpty();
        complete("zhaomin", caseNo, "Task_HeadDecision", Map.of("headDecision", "PENALTY", "decidedFineAmount", 20000,
                "decisionOpinion", "采纳听证报告建议，给予罚款二万元的行政处罚。"));
        flows.runJobs(caseNo);
        complete("zhangwei", caseNo, "Task_RecordDecisionService", Map.of("servedOn", today, "serviceMethod", "DIRECT"));
        flows.runJobs(caseNo);
        complete("zhangwei", caseNo, "Task_ConfirmPublication", Map.of("publicationText", ""));
        flows.runJobs(caseNo);

        // the history: proposal, hearing recommendation, head decision, each with who and why
        var history = penalties.of(java.util.UUID.fromString(filed.id()));
        assertThat(history).extracting(PenaltyRevision::stage).containsExactly(PenaltyRevision.Stage.PROPOSED,
                PenaltyRevision.Stage.HEARING_RECOMMENDATION, PenaltyRevision.Stage.HEAD_DECISION);
        assertThat(history).extracting(r -> r.amount().intValue()).containsExactly(30000, 20000, 20000);
        assertThat(history).extracting(PenaltyRevision::actor).containsExactly("zhangwei", "chenjing", "zhaomin");
        assertThat(history.get(2).reason()).isEqualTo("采纳听证报告建议，给予罚款二万元的行政处罚。");
        JsonNode section = api.get("zhangwei", "/api/cases/" + filed.id()).json().at("/penalties");
        assertThat(section.at("/decided/text").asText()).isEqualTo("罚款20000元");
        assertThat(section.at("/decided/actor").asText()).isEqualTo("zhaomin");
        assertThat(section.at("/decided/at").asText()).endsWith("+08:00");
        assertThat(section.at("/revisions/1/stageName").asText()).isEqualTo("听证报告建议");
        assertThat(section.at("/revisions/1/amount").asText()).isEqualTo("20000");

        Map<String, String> documents = new HashMap<>();
        for (JsonNode d : api.get("zhangwei", "/api/cases/" + filed.id() + "/documents").json()) {
            documents.put(d.get("kind").asText(), d.get("id").asText());
        }
        String decision = pdf("PENALTY_DECISION", documents);
        assertThat(decision).contains("罚款20000元", "如不服本决定，可以自收到本决定书之日起六十日内向西宁市人民政府申请行政复议，"
                + "或者自收到本决定书之日起六个月内向西宁市城中区人民法院提起行政诉讼", "你的上述行为")
                .doesNotContain("30000", "你（单位）", "决定罚款金额");
        for (String kind : List.of("FILING_REPORT", "FILING_FORM")) {
            assertThat(pdf(kind, documents)).as(kind).contains("罚款20000元", "给予行政处罚")
                    .doesNotContain("30000", "PENALTY");
        }
        assertThat(pdf("COLLECTIVE_DISCUSSION", documents)).contains("罚款20000元", "给予行政处罚")
                .doesNotContain("PENALTY");
        assertThat(pdf("LEGAL_REVIEW_OPINION", documents)).contains("案件承办机构：西宁市交通运输综合行政执法支队",
                "法制审核人员：王芳", "拟处罚：罚款20000元");

        // the filing package holds the same documents
        JsonNode packages = api.get("zhangwei", "/api/cases/" + filed.id()).json().at("/packages");
        assertThat(packages).hasSize(1);
        for (var entry : unzip(bytes("/api/packages/" + packages.get(0).get("id").asText())).entrySet()) {
            if (entry.getKey().endsWith(".pdf")) {
                assertThat(text(entry.getValue())).as(entry.getKey()).contains("罚款20000元").doesNotContain("30000");
            }
        }

        // the 备案 mails state the decided penalty
        for (String recipient : List.of("jiaotongting@qinghai.example", "sifaju@xining.example")) {
            MimeMessage filing = mailTo(recipient, "备案");
            String body = bodyText(filing);
            assertThat(body).as(recipient).contains("处罚决定：罚款20000元").doesNotContain("30000");
        }

        // the public entry
        for (String page : List.of(rest.getForObject("/public/decisions", String.class),
                rest.getForObject("/public/decisions.json", String.class))) {
            assertThat(page).contains(caseNo, "决定给予罚款20000元的行政处罚").doesNotContain("30000");
        }

        // the full-process record: decisions in Chinese with amount and reasons, no raw codes
        String events = api.get("zhangwei", "/api/cases/" + filed.id()).json().at("/events").toString();
        assertThat(events).contains("审核意见：同意", "决定：给予行政处罚；决定处罚：罚款20000元；理由：采纳听证报告建议",
                "讨论结论：给予行政处罚", "建议处罚：罚款20000元").doesNotContain("APPROVE", "\"PENALTY\"");
    }

    /** 复核 and legal review revise the proposal in turn; the head is offered the newest and decides it. */
    @Test
    void recheckAndLegalReviewRevisionsAreRecordedAndTheHeadIsOfferedTheNewest() throws Exception {
        api = new ApiClient(rest);
        flows = new Flows(api, processEngine);
        var registration = ApiClient.citizenCase("zhangwei", "liqiang");
        registration.put("proposedDecision", Map.of("penalties", List.of(Map.of("kind", "FINE", "amount", 3000))));
        registration.put("majorPublicInterest", true);
        var filed = flows.filedCase("zhangwei", registration);
        String caseNo = filed.caseNo();
        var caseId = java.util.UUID.fromString(filed.id());
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);
        complete("zhangwei", caseNo, "Task_SubmitProposedDecision", Map.of("proposalConfirmed", true));
        flows.runJobs(caseNo);
        complete("zhangwei", caseNo, "Task_RecordNoticeDelivery",
                Map.of("noticeDeliveredOn", ApiClient.todayInChina(), "deliveryMethod", "DIRECT"));
        complete("zhangwei", caseNo, "Task_RecordStatement", Map.of("partyStated", true, "recheckResult", "PARTLY",
                "statementSummary", "初次违法", "revisedFineAmount", 2500, "opinion", "部分采纳，减为二千五百元"));
        String reviewTask = flows.task(caseNo, "Task_ReviewLegality").getId();
        assertThat(api.get("wangfang", "/engine-rest/task/" + reviewTask + "/form-variables").json()
                .at("/currentPenalty/value").asText()).isEqualTo("罚款2500元");
        var tooHigh = flows.completeAs("wangfang", caseNo, "Task_ReviewLegality", approval(3500));
        assertThat(tooHigh.status()).as(tooHigh.body()).isEqualTo(400);
        assertThat(tooHigh.body()).contains("reviewedFineAmount");
        complete("wangfang", caseNo, "Task_ReviewLegality", approval(2000));
        flows.runJobs(caseNo);

        String headTask = flows.task(caseNo, "Task_HeadDecision").getId();
        assertThat(api.get("zhaomin", "/engine-rest/task/" + headTask + "/form-variables").json()
                .at("/decidedFineAmount/value").asDouble()).isEqualTo(2000.0);
        assertThat(penalties.of(caseId)).extracting(PenaltyRevision::stage).containsExactly(
                PenaltyRevision.Stage.PROPOSED, PenaltyRevision.Stage.RECHECK, PenaltyRevision.Stage.LEGAL_REVIEW);
        complete("zhaomin", caseNo, "Task_HeadDecision", Map.of("headDecision", "PENALTY", "decidedFineAmount", 2000,
                "decisionOpinion", "同意法制审核意见，罚款二千元。"));
        flows.runJobs(caseNo);

        var history = penalties.of(caseId);
        assertThat(history).extracting(r -> r.amount().intValue()).containsExactly(3000, 2500, 2000, 2000);
        assertThat(history).extracting(PenaltyRevision::actor).containsExactly("zhangwei", "zhangwei", "wangfang",
                "zhaomin");
        assertThat(history.get(1).reason()).isEqualTo("部分采纳，减为二千五百元");
        assertThat(penalties.decided(caseId)).map(PenaltyRevision::text).contains("罚款2000元");
        Map<String, String> documents = new HashMap<>();
        for (JsonNode d : api.get("zhangwei", "/api/cases/" + filed.id() + "/documents").json()) {
            documents.put(d.get("kind").asText(), d.get("id").asText());
        }
        assertThat(pdf("LEGAL_REVIEW_OPINION", documents)).contains("拟处罚：罚款2500元", "审核建议处罚：罚款2000元");
        assertThat(pdf("PENALTY_DECISION", documents)).contains("罚款2000元", "复核意见：部分采纳")
                .doesNotContain("3000", "2500");
        String events = api.get("zhangwei", "/api/cases/" + filed.id()).json().at("/events").toString();
        assertThat(events).contains("复核意见：部分采纳；复核后处罚：罚款2500元", "审核建议处罚：罚款2000元");
    }

    private static Map<String, Object> approval(int reviewedFine) {
        Map<String, Object> vars = new HashMap<>(Map.of("checkSubject", true, "checkAuthority", true,
                "checkProcedure", true, "checkFacts", true, "checkLawApplied", true, "checkDiscretion", true,
                "checkDocuments", true, "suspectedCrime", false, "reviewOpinion", "APPROVE",
                "reviewReasons", "事实清楚；裁量偏重，建议罚款二千元。"));
        vars.put("reviewedFineAmount", reviewedFine);
        return vars;
    }

    private void complete(String user, String caseNo, String taskKey, Map<String, Object> variables) {
        var done = flows.completeAs(user, caseNo, taskKey, variables);
        assertThat(done.status()).as("complete " + taskKey + " as " + user + ": " + done.body()).isIn(200, 204);
    }

    /** A completion with a variable of value null (the JSON null a cleared form field sends). */
    private ApiClient.Response completeWithNull(String caseNo, Map<String, Object> variables) {
        String taskId = flows.task(caseNo, "Task_HeadDecision").getId();
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((k, v) -> {
            Map<String, Object> value = new HashMap<>();
            value.put("value", v);
            typed.put(k, value);
        });
        return api.exchange("zhaomin", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", typed));
    }

    private String pdf(String kind, Map<String, String> documents) throws Exception {
        assertThat(documents).containsKey(kind);
        return text(bytes("/api/documents/" + documents.get(kind)));
    }

    private byte[] bytes(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("zhangwei", "demo");
        var response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path).isTrue();
        return response.getBody();
    }

    private static String text(byte[] pdf) throws Exception {
        return org.lawflow.PdfText.compact(pdf);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static MimeMessage mailTo(String address, String subject) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            for (Address a : m.getAllRecipients()) {
                if (a.toString().contains(address) && m.getSubject().contains(subject)) {
                    found.add(m);
                }
            }
        }
        assertThat(found).as("mail to " + address).isNotEmpty();
        return found.get(found.size() - 1);
    }

    /** The text parts of a mail, nested multiparts included; attachments left out. */
    private static String bodyText(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart mp) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                if (mp.getBodyPart(i).getFileName() == null) {
                    text.append(bodyText(mp.getBodyPart(i)));
                }
            }
            return text.toString();
        }
        return content instanceof String s ? s : "";
    }
}
