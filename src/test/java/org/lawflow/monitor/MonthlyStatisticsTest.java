package org.lawflow.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
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
import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * A month of cases seeded through the REST API and the engine; the report's figures move exactly by what was
 * seeded (the database is shared with other tests, so the test compares before and after), per agency.
 */
@LawFlowSpringTest
class MonthlyStatisticsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine processEngine;
    @Autowired TaskService taskService;
    @Autowired MonthlyStatisticsJob job;

    private ApiClient api;
    private Flows flows;

    @Test
    void figuresMatchTheSeededMonthAndStayWithinTheAgency() throws Exception {
        api = new ApiClient(rest);
        flows = new Flows(api, processEngine);
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode xiningBefore = figures("sunli", "xining", month);
        JsonNode haidongBefore = figures("admin", "haidong", month);

        // case A: legal review passed, decided, filed and published
        String a = decidedAndServedCase();
        flows.runJobs(a);
        completeAs("zhangwei", a, "Task_ConfirmPublication", Map.of("publicationText", ""));
        flows.runJobs(a);

        // case D: passed and decided, but filed only after the filing deadline's timer fired (备案逾期督办), and
        // published for a decision taken two months ago (20 working days long past)
        String d = decidedAndServedCase(true);
        var review = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(d)
                .processDefinitionKey("major-decision-review").singleResult();
        var filingTimer = processEngine.getManagementService().createJobQuery().processInstanceId(review.getId())
                .activityId("Timer_FilingDeadline").singleResult();
        processEngine.getManagementService().executeJob(filingTimer.getId());
        flows.runJobs(d);
        processEngine.getRuntimeService().setVariable(review.getId(), "decidedOn",
                org.lawflow.system.ChinaTime.today().minusDays(60).toString());
        completeAs("zhangwei", d, "Task_ConfirmPublication", Map.of("publicationText", ""));
        flows.runJobs(d);

        // case B: returned once, then not passed
        String b = reviewedCase();
        completeAs("wangfang", b, "Task_ReviewLegality", review("RETURN"));
        flows.runJobs(b);
        completeAs("zhangwei", b, "Task_SupplementCase", Map.of("supplementNote", "补充询问笔录"));
        flows.runJobs(b);
        completeAs("wangfang", b, "Task_ReviewLegality", review("REJECT"));
        flows.runJobs(b);

        // case C: a criminal transfer and a discipline clue
        var c = flows.filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        assertThat(api.post("zhangwei", "/api/cases/" + c.id() + "/transfers", Map.of("kind", "criminal",
                "transferReason", "无证营运，非法经营额逾25万元", "suspectedCrime", "非法经营罪",
                "transferTeam", List.of("zhangwei", "liqiang"))).status()).isEqualTo(201);
        assertThat(api.post("zhaomin", "/api/cases/" + c.id() + "/transfers", Map.of("kind", "discipline",
                "personInvolved", "某某", "personPosition", "某运输管理所副所长", "cadreLevel", "CITY_MANAGED",
                "partyMember", true, "clueFacts", "收受当事人财物，为无证营运提供便利",
                "discoveredOn", org.lawflow.system.ChinaTime.today().toString())).status()).isEqualTo(201);

        // hearings: one requested in time, one window long closed (a late request is not counted; waived)
        String today = ApiClient.todayInChina();
        String h1 = filedCaseId();
        assertThat(api.post("zhangwei", "/api/cases/" + h1 + "/hearings", Map.of("noticeDeliveredOn", today)).status())
                .isEqualTo(201);
        assertThat(api.post("liqiang", "/api/cases/" + h1 + "/hearing-requests", Map.of("channel", "WRITTEN"))
                .status()).isEqualTo(202);
        String h2 = filedCaseId();
        var h2Start = api.post("zhangwei", "/api/cases/" + h2 + "/hearings", Map.of("noticeDeliveredOn",
                org.lawflow.system.ChinaTime.today().minusDays(20).toString()));
        assertThat(h2Start.status()).isEqualTo(201);
        assertThat(api.post("zhangwei", "/api/cases/" + h2 + "/hearing-requests", Map.of("channel", "WRITTEN"))
                .status()).isEqualTo(422);
        String h2CaseNo = api.get("zhangwei", "/api/cases/" + h2).json().at("/case/caseNo").asText();
        var management = processEngine.getManagementService();
        for (var pi : processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(h2CaseNo)
                .processDefinitionKey("hearing-notice").list()) {
            for (var timer : management.createJobQuery().processInstanceId(pi.getId()).timers().list()) {
                if (timer.getDuedate() != null && timer.getDuedate().before(new java.util.Date())) {
                    management.executeJob(timer.getId());
                }
            }
        }
        flows.runJobs(h2CaseNo);

        // haidong: one registered case, which xining's figures must not see
        assertThat(api.post("zhoujie", "/api/cases", ApiClient.citizenCase("zhoujie")).status()).isIn(201, 400, 422);

        JsonNode x = figures("sunli", "xining", month);
        assertThat(delta(x, xiningBefore, "casesRegistered")).isEqualTo(6);
        assertThat(delta(x, xiningBefore, "hearingsRequested")).isEqualTo(1);
        assertThat(delta(x, xiningBefore, "hearingsWaived")).isEqualTo(1);
        assertThat(delta(x, xiningBefore, "hearingsHeld")).isZero();
        assertThat(delta(x, xiningBefore, "casesDecided")).isEqualTo(2);
        assertThat(delta(x, xiningBefore, "legalReviews")).isEqualTo(4);
        assertThat(delta(x, xiningBefore, "legalReviewsPassed")).isEqualTo(2);
        assertThat(delta(x, xiningBefore, "legalReviewsReturned")).isEqualTo(1);
        assertThat(delta(x, xiningBefore, "legalReviewsRejected")).isEqualTo(1);
        assertThat(delta(x, xiningBefore, "filingsOnTime")).isEqualTo(1);
        assertThat(delta(x, xiningBefore, "filingsLate")).isEqualTo(1);
        assertThat(delta(x, xiningBefore, "publicationsOnTime")).isEqualTo(1);
        assertThat(delta(x, xiningBefore, "publicationsLate")).isEqualTo(1);
        assertThat(delta(x, xiningBefore, "criminalTransfers")).isEqualTo(1);
        assertThat(delta(x, xiningBefore, "disciplineClues")).isEqualTo(1);
        assertThat(x.get("legalReviewMedianWorkdays").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(x.has("hearingsRequested") && x.has("hearingsHeld") && x.has("hearingsWaived")).isTrue();
        long outcomes = 0;
        for (String status : MonthlyStatistics.TRANSFER_OUTCOMES.keySet()) {
            outcomes += x.get("criminalTransfers." + status).asLong() - xiningBefore.get("criminalTransfers." + status).asLong();
        }
        assertThat(outcomes).as("every new transfer has an outcome").isEqualTo(1);

        JsonNode h = figures("admin", "haidong", month);
        assertThat(delta(h, haidongBefore, "legalReviews")).isZero();
        assertThat(delta(h, haidongBefore, "criminalTransfers")).isZero();
        assertThat(delta(h, haidongBefore, "disciplineClues")).isZero();

        // access: own agency's supervisors and heads only; bad months are 400
        assertThat(api.get("zhaomin", "/api/statistics?agency=xining&month=" + month).status()).isEqualTo(200);
        assertThat(api.get("sunli", "/api/statistics?agency=haidong&month=" + month).status()).isEqualTo(403);
        assertThat(api.get("zhangwei", "/api/statistics?agency=xining&month=" + month).status()).isEqualTo(403);
        assertThat(api.get("zhoujie", "/api/statistics?agency=xining&month=" + month).status()).isEqualTo(403);
        assertThat(api.get(null, "/api/statistics?agency=xining&month=" + month).status()).isEqualTo(401);
        for (String bad : List.of("2026-13", "2026-1", "abc", "")) {
            var response = api.get("sunli", "/api/statistics?agency=xining&month=" + bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.body()).contains("month");
        }
        assertThat(api.get("sunli", "/api/statistics?month=" + month).status()).isEqualTo(400);

        // CSV and PDF
        String csv = new String(download("/api/statistics?agency=xining&format=csv&month=" + month),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF机构,月份,指标").contains("xining," + month + ",legalReviewsPassed,法制审核通过,"
                + x.get("legalReviewsPassed").asText());
        byte[] pdf = download("/api/statistics?agency=xining&format=pdf&month=" + month);
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("西宁市交通运输综合行政执法支队", "行政执法统计", "法制审核通过",
                    "法制审核通过" + x.get("legalReviewsPassed").asText());
            assertThat(document.getPage(0).getResources().getFontNames()).isNotEmpty();
        }

        // the monthly mail to the agency's supervisors (what the timer process sends)
        List<String> sent = job.send("xining", YearMonth.parse(month));
        assertThat(sent).containsExactly("sunli@lawflow.example");
        MimeMessage mail = statisticsMails().get(0);
        assertThat(mail.getSubject()).contains("执法统计", month.substring(0, 4) + "年");
        assertThat(mail.getMessageID()).isEqualTo("<statistics.xining." + month + ".sunli@lawflow>");
        var parts = (MimeMultipart) mail.getContent();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < parts.getCount(); i++) {
            names.append(parts.getBodyPart(i).getFileName()).append(' ');
        }
        assertThat(names.toString()).contains("statistics-xining-" + month + ".pdf", "statistics-xining-" + month + ".csv");

        // a retried job (e.g. a later agency's mail failed) does not send the same report again
        assertThat(job.send("xining", YearMonth.parse(month))).containsExactly("sunli@lawflow.example");
        assertThat(statisticsMails()).hasSize(1);
    }

    /** The monthly statistics mails received (other mails of the seeded cases, e.g. 备案逾期督办, also arrive). */
    private List<MimeMessage> statisticsMails() throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getMessageID().startsWith("<statistics.")) {
                found.add(m);
            }
        }
        return found;
    }

    @Test
    void statisticsGoOutOnTheFirstWhateverTheHolidayCalendarSays() {
        // 2026-10-01 is 国庆 and 2027-01-01 is in a year without its notice: the previous month is final all the same
        for (String day : List.of("2026-10-01T08:00:00+08:00", "2027-01-01T08:00:00+08:00", "2026-11-01T08:00:00+08:00")) {
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                    java.time.OffsetDateTime.parse(day).toInstant()));
            assertThat(job.firstOfMonth()).as(day).isTrue();
        }
        // 2026-10-08 (the first working day after 国庆) is no longer the trigger: the 1st is
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                java.time.OffsetDateTime.parse("2026-10-08T08:00:00+08:00").toInstant()));
        assertThat(job.firstOfMonth()).isFalse();
        // 00:30 on the 1st in China is still the 31st in UTC
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                java.time.OffsetDateTime.parse("2026-12-01T00:30:00+08:00").toInstant()));
        assertThat(job.firstOfMonth()).isTrue();
        org.lawflow.TestClock.restore();
        assertThat(MonthlyStatistics.median(List.of(3, 1, 2))).isEqualTo(2);
        assertThat(MonthlyStatistics.median(List.of(1, 2, 3, 5))).isEqualTo(2.5);
    }

    @Test
    void theTimerProcessIsDeployedAndEndsQuietlyOnOtherDays() {
        var definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("monthly-statistics").latestVersion().singleResult();
        assertThat(definition).isNotNull();
        assertThat(processEngine.getManagementService().createJobQuery().processDefinitionId(definition.getId())
                .timers().count()).as("the daily start timer").isEqualTo(1);
        var start = processEngine.getRuntimeService().startProcessInstanceByKey("monthly-statistics");
        var history = processEngine.getHistoryService();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(start.getId())
                .activityId("Task_CheckFirstOfMonth").count()).isEqualTo(1);
        if (job.firstOfMonth()) {
            assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(start.getId()).count())
                    .as("the async send waits for the job executor").isEqualTo(1);
            processEngine.getRuntimeService().deleteProcessInstance(start.getId(), "test");
        } else {
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(start.getId())
                    .activityId("End_NotFirstOfMonth").finished().count()).isEqualTo(1);
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(start.getId()).singleResult()
                    .getTenantId()).as("no agency: the instance holds no case data").isNull();
        }
    }

    /** Legal review passed, 罚款 decided by the head, decision served. */
    private String decidedAndServedCase() {
        return decidedAndServedCase(false);
    }

    /**
     * As {@link #decidedAndServedCase()}; with {@code filingPending} the 备案 (which starts at the decision) has begun
     * but its own jobs have not run, so its deadline timer is still waiting.
     */
    private String decidedAndServedCase(boolean filingPending) {
        String caseNo = reviewedCase();
        completeAs("wangfang", caseNo, "Task_ReviewLegality", review("APPROVE"));
        flows.runJobs(caseNo);
        completeAs("zhaomin", caseNo, "Task_HeadDecision", Map.of("headDecision", "PENALTY",
                "decisionOpinion", "同意法制审核意见，给予罚款三千元的行政处罚。"));
        if (filingPending) {
            var management = processEngine.getManagementService();
            var review = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                    .processDefinitionKey("major-decision-review").singleResult().getId();
            for (int i = 0; i < 20 && management.createJobQuery().processInstanceId(review)
                    .activityId("Timer_FilingDeadline").count() == 0; i++) {
                management.executeJob(management.createJobQuery().processInstanceId(review).messages().list().get(0)
                        .getId());
            }
        } else {
            flows.runJobs(caseNo);
        }
        completeAs("zhangwei", caseNo, "Task_RecordDecisionService", Map.of("servedOn", org.lawflow.system.ChinaTime.today().toString(),
                "serviceMethod", "DIRECT"));
        return caseNo;
    }

    private String reviewedCase() {
        var registration = ApiClient.citizenCase("zhangwei", "liqiang");
        registration.put("proposedDecision", Map.of("penalties", List.of(Map.of("kind", "FINE", "amount", 3000))));
        registration.put("majorPublicInterest", true);
        var filed = flows.filedCase("zhangwei", registration);
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null).status()).isEqualTo(201);
        completeAs("zhangwei", filed.caseNo(), "Task_SubmitProposedDecision", Map.of("proposalConfirmed", true));
        flows.runJobs(filed.caseNo());
        completeAs("zhangwei", filed.caseNo(), "Task_RecordNoticeDelivery",
                Map.of("noticeDeliveredOn", org.lawflow.system.ChinaTime.today().toString(), "deliveryMethod", "DIRECT"));
        completeAs("zhangwei", filed.caseNo(), "Task_RecordStatement",
                Map.of("partyStated", false, "statementWaived", true, "opinion", "当事人书面放弃陈述申辩"));
        return filed.caseNo();
    }

    /** Hearings start only on a case whose 立案 was approved. */
    private String filedCaseId() {
        return flows.filedCase("zhangwei", ApiClient.citizenCase("liqiang")).id();
    }

    private static Map<String, Object> review(String opinion) {
        return Map.of("checkSubject", true, "checkAuthority", true, "checkProcedure", true, "checkFacts", true,
                "checkLawApplied", true, "checkDiscretion", true, "checkDocuments", true, "suspectedCrime", false,
                "reviewOpinion", opinion, "reviewReasons", "审核意见：" + opinion);
    }

    private JsonNode figures(String user, String agency, String month) {
        var response = api.get(user, "/api/statistics?agency=" + agency + "&month=" + month);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("figures");
    }

    private static long delta(JsonNode after, JsonNode before, String key) {
        return after.get(key).asLong() - before.get(key).asLong();
    }

    private byte[] download(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("sunli", "demo");
        var response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private void completeAs(String user, String caseNo, String taskKey, Map<String, Object> variables) {
        String taskId = flows.task(caseNo, taskKey).getId();
        var task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task.getAssignee() == null) {
            var claim = api.exchange(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
            assertThat(claim.status()).as("claim " + taskKey + " as " + user + ": " + claim.body()).isEqualTo(204);
        }
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        var done = api.exchange(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed));
        assertThat(done.status()).as("complete " + taskKey + " as " + user + ": " + done.body()).isIn(200, 204);
    }
}
