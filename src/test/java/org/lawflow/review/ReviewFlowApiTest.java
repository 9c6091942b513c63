package org.lawflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The major-decision review driven through the REST APIs as the demo users, on the test database (PostgreSQL in
 * CI): the engine REST API for the tasks, {@code /api} for the case, its documents and package. Checks the PDFs
 * (parsed back), the filing package and its manifest, the mails (GreenMail) and the public page.
 */
@LawFlowSpringTest
class ReviewFlowApiTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine processEngine;

    ApiClient api;
    Flows flows;

    @Test
    void majorDecisionWithLegalReviewIsDecidedFiledAndPublished() throws Exception {
        api = new ApiClient(rest);
        flows = new Flows(api, processEngine);
        var registration = ApiClient.citizenCase("zhangwei", "liqiang");
        registration.put("proposedDecision", Map.of("penalties", List.of(Map.of("kind", "FINE", "amount", 3000))));
        registration.put("majorPublicInterest", true);
        var filed = flows.filedCase("zhangwei", registration);
        String caseNo = filed.caseNo();

        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status())
                .as("a second review of the same case").isEqualTo(409);

        completeAs("zhangwei", caseNo, "Task_SubmitProposedDecision", Map.of("proposalConfirmed", true));
        flows.runJobs(caseNo);
        MimeMessage partyNotice = mailTo("majianguo@party.example");
        assertThat(partyNotice.getSubject()).contains(caseNo);

        // 送达 is checked like every 送达 (#29 item 3): e-mail only with the party's consent, never a future day
        var noConsent = flows.completeAs("zhangwei", caseNo, "Task_RecordNoticeDelivery",
                Map.of("noticeDeliveredOn", ApiClient.todayInChina(), "deliveryMethod", "ELECTRONIC"));
        assertThat(noConsent.status()).as(noConsent.body()).isEqualTo(400);
        assertThat(noConsent.body()).contains("noticeElectronicConsent", "第六十一条第二款");
        var tomorrow = flows.completeAs("zhangwei", caseNo, "Task_RecordNoticeDelivery", Map.of("noticeDeliveredOn",
                org.lawflow.system.ChinaTime.today().plusDays(1).toString(), "deliveryMethod", "DIRECT"));
        assertThat(tomorrow.status()).as(tomorrow.body()).isEqualTo(400);
        assertThat(tomorrow.body()).contains("noticeDeliveredOn");
        completeAs("zhangwei", caseNo, "Task_RecordNoticeDelivery",
                Map.of("noticeDeliveredOn", ApiClient.todayInChina(), "deliveryMethod", "DIRECT"));
        completeAs("zhangwei", caseNo, "Task_RecordStatement",
                Map.of("partyStated", false, "statementWaived", true, "opinion", "当事人书面放弃陈述申辩"));

        // separation of duties and tenant isolation on the review task
        String reviewTask = flows.task(caseNo, "Task_ReviewLegality").getId();
        assertThat(engine("zhangwei", HttpMethod.POST, "/task/" + reviewTask + "/claim", Map.of("userId", "zhangwei"))
                .status()).as("the case's own officer cannot claim the legal review").isIn(400, 403);
        // the same query, first as a user of the agency (so the query itself is known to find the task)
        assertThat(engine("wangfang", HttpMethod.GET, "/task?processInstanceBusinessKey=" + caseNo, null).json())
                .as("the agency's reviewer sees the review task").isNotEmpty();
        assertThat(engine("zhoujie", HttpMethod.GET, "/task?processInstanceBusinessKey=" + caseNo, null).json())
                .as("another agency sees no task").isEmpty();
        assertThat(api.get("zhoujie", "/api/cases/" + filed.id()).status()).isEqualTo(404);

        completeAs("wangfang", caseNo, "Task_ReviewLegality", Map.of("checkSubject", true, "checkAuthority", true,
                "checkProcedure", true, "checkFacts", true, "checkLawApplied", true, "checkDiscretion", true,
                "checkDocuments", true, "suspectedCrime", false, "reviewOpinion", "APPROVE",
                "reviewReasons", "事实清楚，证据确凿，适用法律正确，程序合法。"));
        flows.runJobs(caseNo);
        completeAs("zhaomin", caseNo, "Task_HeadDecision", Map.of("headDecision", "PENALTY",
                "decisionOpinion", "同意法制审核意见，给予罚款三千元的行政处罚。"));
        flows.runJobs(caseNo);
        completeAs("zhangwei", caseNo, "Task_RecordDecisionService",
                Map.of("servedOn", ApiClient.todayInChina(), "serviceMethod", "DIRECT"));
        flows.runJobs(caseNo);
        completeAs("zhangwei", caseNo, "Task_ConfirmPublication", Map.of("publicationText", ""));
        flows.runJobs(caseNo);

        JsonNode details = api.get("zhangwei", "/api/cases/" + filed.id()).json();
        // the review and its called flows are done; the served decision is now to be performed (执行与结案)
        for (JsonNode flow : details.at("/flows")) {
            boolean enforcement = flow.get("processKey").asText().equals("penalty-enforcement");
            assertThat(flow.get("state").asText().equals("ACTIVE")).as(flow.toString()).isEqualTo(enforcement);
        }
        assertThat(details.at("/tasks").findValuesAsText("taskKey")).containsExactly("Task_RecordPayment");
        assertThat(details.at("/events").toString()).contains("wangfang", "zhaomin", "法制审核", "负责人决定");

        // the documents: real PDFs with the case number and the Chinese text, fetched as the officer
        Map<String, String> documents = new HashMap<>();
        for (JsonNode d : api.get("zhangwei", "/api/cases/" + filed.id() + "/documents").json()) {
            documents.put(d.get("kind").asText(), d.get("id").asText());
            assertThat(d.get("sha256").asText()).hasSize(64);
        }
        assertThat(documents).containsKeys("VIOLATION_NOTICE", "LEGAL_REVIEW_OPINION", "PENALTY_DECISION",
                "FILING_REPORT", "FILING_FORM", "PUBLICATION_RECORD");
        String decision = pdfText(bytes("zhangwei", "/api/documents/" + documents.get("PENALTY_DECISION")));
        assertThat(decision).contains("行政处罚决定书", caseNo, "马建国", "六十日", "六个月");
        assertThat(pdfText(bytes("zhangwei", "/api/documents/" + documents.get("VIOLATION_NOTICE"))))
                .as("officers by name, the configured statement period").contains("张伟", "李强", "个工作日内")
                .doesNotContain("zhangwei", "—个工作日");
        assertThat(pdfText(bytes("zhangwei", "/api/documents/" + documents.get("LEGAL_REVIEW_OPINION"))))
                .contains("法制审核意见书", caseNo);
        assertThat(bytes("zhoujie", "/api/documents/" + documents.get("PENALTY_DECISION"))).isNull();

        // the filing package: ZIP with the three documents and a manifest whose hashes match
        JsonNode packages = details.at("/packages");
        assertThat(packages.isArray() && packages.size() == 1).as("one filing package: " + packages).isTrue();
        byte[] zip = bytes("zhangwei", "/api/packages/" + packages.get(0).get("id").asText());
        Map<String, byte[]> entries = unzip(zip);
        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("caseNo").asText()).isEqualTo(caseNo);
        assertThat(manifest.get("files")).hasSize(3);
        for (JsonNode file : manifest.get("files")) {
            byte[] content = entries.get(file.get("name").asText());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                    .isEqualTo(file.get("sha256").asText());
        }

        // mailed to the superior department and the justice bureau, with the package attached
        for (String recipient : List.of("jiaotongting@qinghai.example", "sifaju@xining.example")) {
            MimeMessage filing = mailTo(recipient);
            assertThat(filing.getSubject()).contains("备案", caseNo);
            assertThat(filing.getContentType()).startsWith("multipart");
        }
        assertThat(details.at("/mails").toString()).contains("jiaotongting@qinghai.example");

        // published with the natural person's data masked
        String page = rest.getForObject("/public/decisions", String.class);
        assertThat(page).contains(caseNo).doesNotContain("马建国").doesNotContain("630102198506123019");
    }

    @Test
    void suspectedCrimeInTheReviewStopsThePenaltyAndStartsTheTransfer() {
        api = new ApiClient(rest);
        flows = new Flows(api, processEngine);
        var filed = flows.caseAtLegalReview(5000, "complexCase", ApiClient.todayInChina());
        String caseNo = filed.caseNo();
        completeAs("wangfang", caseNo, "Task_ReviewLegality", Map.of("checkSubject", true, "checkAuthority", true,
                "checkProcedure", true, "checkFacts", true, "checkLawApplied", true, "checkDiscretion", true,
                "checkDocuments", true, "suspectedCrime", true, "reviewOpinion", "REJECT",
                "reviewReasons", "非法营运获利数额巨大，涉嫌非法经营罪，应移送公安机关"));
        flows.runJobs(caseNo);

        JsonNode details = api.get("zhangwei", "/api/cases/" + filed.id()).json();
        assertThat(details.at("/case/status").asText()).isEqualTo("TRANSFERRED");
        assertThat(details.at("/flows").toString()).contains("criminal-case-transfer");
        assertThat(details.at("/transfers").toString()).contains("\"kind\":\"CRIMINAL\"");
        // 不得以罚代刑: no new penalty procedure while the transfer is pending
        var again = api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("移送");
    }

    /**
     * 直接关系第三人重大权益, answered at 立案登记: stored, shown with its Chinese label, and (a 3,000 元 fine, no other
     * ground) the reason the case goes to legal review.
     */
    @Test
    void aCaseRegisteredAsDirectlyConcerningAThirdPartysMajorRightsGoesToLegalReview() {
        api = new ApiClient(rest);
        flows = new Flows(api, processEngine);
        var filed = flows.caseAtLegalReview(3000, "thirdPartyMajorInterest", ApiClient.todayInChina());
        JsonNode details = api.get("zhangwei", "/api/cases/" + filed.id()).json();
        assertThat(details.at("/case/thirdPartyMajorInterest").asBoolean()).isTrue();
        assertThat(details.at("/case/majorPublicInterest").asBoolean()).isFalse();
        JsonNode ground = null;
        for (JsonNode g : details.get("reviewGrounds")) {
            if (g.get("field").asText().equals("thirdPartyMajorInterest")) {
                ground = g;
            }
        }
        assertThat(ground).as("the case view names the ground").isNotNull();
        assertThat(ground.get("label").asText()).isEqualTo("直接关系第三人重大权益");
        assertThat(ground.get("valueLabel").asText()).isEqualTo("是");
        var review = flows.task(filed.caseNo(), "Task_ReviewLegality");
        assertThat(processEngine.getRuntimeService().getVariable(review.getExecutionId(), "legalReviewRequired"))
                .isEqualTo(true);
        assertThat(processEngine.getRuntimeService().getVariable(review.getExecutionId(), "thirdPartyMajorInterest"))
                .isEqualTo(true);
    }

    /** 行政处罚法第六十条: at day 80 the head may extend the 90-day limit, with reasons, into the case record. */
    @Test
    void theHeadExtendsTheDecisionLimitWithReasonsAndTheRecordShowsTheNewLimit() {
        api = new ApiClient(rest);
        flows = new Flows(api, processEngine);
        var filed = flows.filedCase("zhangwei", ApiClient.citizenCase("zhangwei", "liqiang"));
        String caseNo = filed.caseNo();
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);
        var management = processEngine.getManagementService();
        String pi = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ReviewVariables.PROCESS_KEY).processInstanceBusinessKey(caseNo).singleResult()
                .getId();
        var day80 = management.createJobQuery().processInstanceId(pi).timers()
                .activityId("StartEvent_DecisionLimitDay80").singleResult();
        assertThat(day80).as("the day-80 timer is set at the start").isNotNull();
        management.executeJob(day80.getId());
        flows.runJobs(caseNo);

        var tooEarly = flows.completeAs("zhaomin", caseNo, "Task_ApproveDecisionLimitExtension", Map.of(
                "decisionLimitExtension", "APPROVE", "extendedDecisionLimitOn", "2000-01-01", "extensionReason", "需鉴定"));
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.body()).contains("须晚于现有期限");
        String newLimit = org.lawflow.system.ChinaTime.today().plusDays(150).toString();
        var noReason = flows.completeAs("zhaomin", caseNo, "Task_ApproveDecisionLimitExtension", Map.of(
                "decisionLimitExtension", "APPROVE", "extendedDecisionLimitOn", newLimit, "extensionReason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("理由");
        completeAs("zhaomin", caseNo, "Task_ApproveDecisionLimitExtension", Map.of("decisionLimitExtension", "APPROVE",
                "extendedDecisionLimitOn", newLimit, "extensionReason", "需委托鉴定，鉴定期间不能作出决定"));
        flows.runJobs(caseNo);
        JsonNode details = api.get("zhangwei", "/api/cases/" + filed.id()).json();
        assertThat(details.at("/events").toString()).contains("延长办案期限", "zhaomin", newLimit, "需委托鉴定")
                .contains("期限变更（负责人批准延长办案期限）", "提交拟处罚决定");
        assertThat(flows.task(caseNo, "Task_SubmitProposedDecision").getDueDate().toInstant())
                .as("the review goes on, its open task due at the new limit")
                .isEqualTo(java.time.LocalDate.parse(newLimit).atTime(23, 59, 59)
                        .atZone(org.lawflow.system.ChinaTime.ZONE).toInstant());
        JsonNode limit = details.at("/deadlines/0");
        assertThat(limit.get("due").asText()).isEqualTo(newLimit);
        assertThat(limit.get("statutoryDue").asText()).isLessThan(newLimit);
        assertThat(limit.get("rule").asText()).contains("经负责人批准延长至" + newLimit);
    }

    /** 行政处罚法第五十七条第二款: the agency's heads, at least the quorum, each one's view; the record names them. */
    @Test
    void collectiveDiscussionIsHeldByTheAgencysHeadsWithAQuorumAndTheRecordNamesThem() throws Exception {
        api = new ApiClient(rest);
        flows = new Flows(api, processEngine);
        var filed = flows.caseAtLegalReview(3000, "complexCase", ApiClient.todayInChina());
        String caseNo = filed.caseNo();
        flows.approveLegalReview(caseNo, "同意");

        String today = ApiClient.todayInChina();
        String taskId = flows.task(caseNo, "Task_CollectiveDiscussion").getId();
        // the form offers the heads of the case's agency to pick from, 正职 first, and states the quorum
        JsonNode form = api.get("zhaomin", "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false")
                .json(); // as Tasklist reads them
        assertThat(form.at("/agencyHeadOptions/type").asText()).isEqualTo("Json");
        assertThat(form.at("/agencyHeadOptions/value").asText()).isEqualTo(
                "[{\"label\":\"赵敏（正职负责人）\",\"value\":\"zhaomin\"},{\"label\":\"钱磊（副职负责人）\",\"value\":\"qianlei\"}]");
        assertThat(form.at("/discussionQuorum/value").asInt()).isEqualTo(2);

        var alone = flows.completeAs("zhaomin", caseNo, "Task_CollectiveDiscussion",
                discussion(today, "zhaomin", "同意"));
        assertThat(alone.status()).isEqualTo(400);
        assertThat(alone.body()).contains("discussionAttendees", "不足2人");
        var notAHead = flows.completeAs("zhaomin", caseNo, "Task_CollectiveDiscussion",
                discussion(today, "zhaomin", "同意", "wangfang", "同意"));
        assertThat(notAHead.status()).isEqualTo(400);
        assertThat(notAHead.body()).contains("wangfang", "不是本机关负责人");
        var silent = flows.completeAs("zhaomin", caseNo, "Task_CollectiveDiscussion",
                discussion(today, "zhaomin", "同意", "qianlei", " "));
        assertThat(silent.status()).isEqualTo(400);
        assertThat(silent.body()).contains("discussionView2", "钱磊的意见不能为空");
        var forged = discussion(today, "zhaomin", "同意", "qianlei", "同意");
        forged.put("discussionAttendee7", "zhaomin");
        assertThat(flows.completeAs("zhaomin", caseNo, "Task_CollectiveDiscussion", forged).status())
                .as("only the form's rows").isEqualTo(400);
        var held = discussion(today, "qianlei", "同意，当事人初犯。", "zhaomin", "同意罚款三千元。");
        held.put("discussionRecord", "会议由赵敏主持。");
        completeAs("zhaomin", caseNo, "Task_CollectiveDiscussion", held);
        flows.runJobs(caseNo);

        String id = null;
        for (var d : api.get("zhangwei", "/api/cases/" + filed.id() + "/documents").json()) {
            if (d.get("kind").asText().equals("COLLECTIVE_DISCUSSION")) {
                id = d.get("id").asText();
            }
        }
        assertThat(id).as("集体讨论记录").isNotNull();
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("zhangwei", "demo");
        byte[] pdf = rest.exchange("/api/documents/" + id, HttpMethod.GET, new HttpEntity<>(headers), byte[].class)
                .getBody();
        String text = pdfText(pdf).replaceAll("\\s+", "");
        assertThat(text).contains("钱磊、赵敏", "钱磊（副职负责人）同意，当事人初犯。", "赵敏（正职负责人）同意罚款三千元。",
                "会议由赵敏主持。").doesNotContain("zhaomin", "qianlei");
        assertThat(processEngine.getRuntimeService().createVariableInstanceQuery().variableName("discussionAttendeeViews")
                .processInstanceIdIn(flows.task(caseNo, "Task_HeadDecision").getProcessInstanceId()).singleResult()
                .getTypeName()).isEqualTo("json");
        assertThat(api.get("zhangwei", "/api/cases/" + filed.id()).json().at("/events").toString())
                .contains("钱磊（副职负责人）：同意，当事人初犯。", "赵敏（正职负责人）：同意罚款三千元。");
    }

    /** 集体讨论 held today with these attendees and views, concluding 给予行政处罚. */
    private static Map<String, Object> discussion(String today, String... attendeeAndView) {
        var variables = Flows.discussion(attendeeAndView);
        variables.putAll(Map.of("discussedOn", today, "discussionConclusion", "PENALTY"));
        return variables;
    }

    private void completeAs(String user, String caseNo, String taskKey, Map<String, Object> variables) {
        var done = flows.completeAs(user, caseNo, taskKey, variables);
        assertThat(done.status()).as("complete " + taskKey + " as " + user + ": " + done.body()).isIn(200, 204);
    }

    private ApiClient.Response engine(String user, HttpMethod method, String path, Object body) {
        return api.exchange(user, method, "/engine-rest" + path, body);
    }

    private byte[] bytes(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        var response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        return response.getStatusCode().is2xxSuccessful() ? response.getBody() : null;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        assertThat(pdf).isNotNull();
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

    private static MimeMessage mailTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            for (Address a : m.getAllRecipients()) {
                if (a.toString().contains(address)) {
                    found.add(m);
                }
            }
        }
        assertThat(found).as("mail to " + address).isNotEmpty();
        return found.get(found.size() - 1);
    }
}
