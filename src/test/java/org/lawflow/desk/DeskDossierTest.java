package org.lawflow.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestSmtp;
import org.lawflow.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The case dossier with the Tasklist login: in the task form's variables (for the form's html component), as a page,
 * and the case's PDFs in the browser; all only for users who may see the case and the task. Also the case view's
 * open tasks with who holds them, and the task's 说明 (BPMN documentation as the task description).
 */
@LawFlowSpringTest
class DeskDossierTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired TaskService taskService;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ApiClient api;
    private Flows flows;

    @BeforeEach
    void setUp() {
        api = new ApiClient(rest);
        flows = new Flows(api, engine);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(WebappSession session, String path) throws Exception {
        return http.send(session.get(base() + path), HttpResponse.BodyHandlers.ofString());
    }

    private static String page(String caseNo, String taskId) {
        return "/desk/cases/" + URLEncoder.encode(caseNo, StandardCharsets.UTF_8).replace("+", "%20")
                + (taskId == null ? "" : "?task=" + taskId);
    }

    private JsonNode formVariables(WebappSession session, String taskId) throws Exception {
        var answer = get(session, "/camunda/api/engine/engine/default/task/" + taskId + "/form-variables?deserializeValues=false");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    @Test
    void theReviewersFormCarriesTheDossierAndTheHeadsFormTheReviewersReasons() throws Exception {
        var filed = flows.majorCaseAtLegalReview(ApiClient.todayInChina());
        String reviewTask = flows.task(filed.caseNo(), "Task_ReviewLegality").getId();
        var wangfang = WebappSession.login(http, base(), "wangfang");

        JsonNode variables = formVariables(wangfang, reviewTask);
        assertThat(variables.at("/dossier/type").asText()).isEqualTo("Json");
        String dossier = variables.at("/dossier/value").asText();
        assertThat(dossier).contains("西宁火车站载客收费", "现场检查笔录一份", "道路运输条例》第六十三条", "马建国",
                "630102198506123019", "罚款3000元", "拟处罚决定", "张伟", "当事人书面放弃陈述申辩", "待办任务", "法制审核",
                "办理人：待认领：法制审核员（", "/desk/documents/", "违法行为通知书");
        // the agency's legal reviewers by name (other tests may add one to the shared database): 王芳 among them
        assertThat(dossier).containsPattern("办理人：待认领：法制审核员（[^）]*王芳[^）]*）");
        assertThat(dossier).doesNotContain("xining", "\"zhangwei\"");
        JsonNode display = json.readTree(variables.at("/display/value").asText());
        assertThat(display.get("caseNo").asText()).isEqualTo(filed.caseNo());
        assertThat(display.get("filedOn").asText()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日（星期.）");
        assertThat(display.get("hearingOutcome").asText()).isEqualTo("未举行听证");

        flows.approveLegalReview(filed.caseNo(), "主体合法，程序正当，裁量适当，同意拟处罚。");
        String headTask = flows.task(filed.caseNo(), "Task_HeadDecision").getId();
        var zhaomin = WebappSession.login(http, base(), "zhaomin");
        JsonNode head = formVariables(zhaomin, headTask);
        assertThat(head.at("/dossier/value").asText()).contains("主体合法，程序正当，裁量适当，同意拟处罚。", "审核意见：同意",
                "法制审核（王芳，");
        assertThat(json.readTree(head.at("/display/value").asText()).get("reviewOpinion").asText()).isEqualTo("同意");
        // the dossier is not stored: nothing of it in the engine
        assertThat(taskService.getVariables(headTask)).doesNotContainKeys("dossier", "display");
        // 说明: the BPMN documentation of the task is its description in Tasklist
        assertThat(taskService.createTaskQuery().taskId(headTask).singleResult().getDescription()).isNotBlank();
    }

    @Test
    void theDossierStatesEachReviewGroundTheRegistrationGives() throws Exception {
        assertThat(reviewDossier(flows.majorCaseAtLegalReview(ApiClient.todayInChina())))
                .contains("涉及重大公共利益").doesNotContain("直接关系第三人重大权益");
        assertThat(reviewDossier(flows.caseAtLegalReview(3000, "thirdPartyMajorInterest", ApiClient.todayInChina())))
                .contains("直接关系第三人重大权益").doesNotContain("涉及重大公共利益");
    }

    private String reviewDossier(Flows.FiledCase filed) throws Exception {
        String reviewTask = flows.task(filed.caseNo(), "Task_ReviewLegality").getId();
        return formVariables(WebappSession.login(http, base(), "wangfang"), reviewTask).at("/dossier/value").asText();
    }

    @Test
    void theDossierPageAndThePdfsOpenWithTheTasklistLoginOnlyForThoseWhoMaySeeThem() throws Exception {
        var filed = flows.majorCaseAtLegalReview(ApiClient.todayInChina());
        String reviewTask = flows.task(filed.caseNo(), "Task_ReviewLegality").getId();
        var wangfang = WebappSession.login(http, base(), "wangfang");

        var pageAnswer = get(wangfang, page(filed.caseNo(), reviewTask));
        assertThat(pageAnswer.statusCode()).as(pageAnswer.body()).isEqualTo(200);
        assertThat(pageAnswer.body()).contains("西宁火车站载客收费", "现场检查笔录一份", "马建国", "罚款3000元", "西宁市");
        var link = Pattern.compile("href=\"(/desk/documents/[0-9a-f-]+)\"").matcher(pageAnswer.body());
        assertThat(link.find()).as("a PDF link on the page").isTrue();
        String pdfPath = link.group(1);
        var pdf = http.send(wangfang.get(base() + pdfPath), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");

        // no Tasklist login: 401, no dossier in the form variables either
        var anonymous = HttpRequest.newBuilder(URI.create(base() + page(filed.caseNo(), null))).GET().build();
        assertThat(http.send(anonymous, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        var anonymousPdf = HttpRequest.newBuilder(URI.create(base() + pdfPath)).GET().build();
        assertThat(http.send(anonymousPdf, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        // another agency's user: the case, the task and the PDF do not exist for him
        var zhoujie = WebappSession.login(http, base(), "zhoujie");
        assertThat(get(zhoujie, page(filed.caseNo(), null)).statusCode()).isEqualTo(404);
        assertThat(get(zhoujie, page(filed.caseNo(), reviewTask)).statusCode()).isEqualTo(404);
        assertThat(get(zhoujie, pdfPath).statusCode()).isEqualTo(404);
        var foreignForm = get(zhoujie, "/camunda/api/engine/engine/default/task/" + reviewTask + "/form-variables");
        assertThat(foreignForm.statusCode()).isIn(403, 404);
        assertThat(foreignForm.body()).doesNotContain("西宁火车站");
        // a task of another case does not open this case's page
        var other = flows.majorCaseAtLegalReview(ApiClient.todayInChina());
        String otherTask = flows.task(other.caseNo(), "Task_ReviewLegality").getId();
        assertThat(get(wangfang, page(filed.caseNo(), otherTask)).statusCode()).isEqualTo(404);
        // read-only: nothing but GET
        var post = WebappSession.post(base() + page(filed.caseNo(), null), wangfang.jar(), wangfang.token(), "{}");
        assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void theSupervisorReadsTheDossierWithThePartysPersonalDataMasked() throws Exception {
        var filed = flows.majorCaseAtLegalReview(ApiClient.todayInChina());
        var sunli = WebappSession.login(http, base(), "sunli");
        var answer = get(sunli, page(filed.caseNo(), null));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("马**", "630102********3019", "138****1234", "个人信息已脱敏", "罚款3000元")
                .doesNotContain("马建国", "630102198506123019", "13800971234", "八一路1号");
    }

    @Test
    void theHearingHostAndTheReviewerReadTheHearingInTheDossier() throws Exception {
        // 30,000 元 gives the citizen hearing rights
        var filed = flows.caseNotified(30000, "majorPublicInterest", ApiClient.todayInChina());
        String caseNo = filed.caseNo();
        flows.runJobs(caseNo);
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/hearing-requests", Map.of("channel", "WRITTEN"))
                .status()).isEqualTo(202);
        flows.runJobs(caseNo);
        flows.done("zhaomin", caseNo, "Task_AppointHost", Map.of("hearingHost", "chenjing"));
        String scheduleTask = flows.task(caseNo, "Task_ScheduleHearing").getId();
        var chenjing = WebappSession.login(http, base(), "chenjing");
        JsonNode display = json.readTree(formVariables(chenjing, scheduleTask).at("/display/value").asText());
        assertThat(display.get("earliestHearingDate").asText()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日（星期.）");
        String hearingDay = org.lawflow.system.ChinaTimeFormat
                .inChina(taskService.getVariable(scheduleTask, "earliestHearingDate")).toLocalDate().toString();
        flows.done("chenjing", caseNo, "Task_ScheduleHearing",
                Map.of("hearingAt", hearingDay + "T09:30", "hearingPlace", "支队第二听证室", "hearingPublic", true));
        flows.runJobs(caseNo);
        flows.done("zhangwei", caseNo, "Task_RecordHearingNoticeService", Map.of("hearingNoticeServedOn",
                ApiClient.todayInChina(), "hearingNoticeServiceMethod", "DIRECT", "hearingNoticeReceiptNo", "SD-9"));
        String recordTask = flows.task(caseNo, "Task_RecordHearing").getId();
        JsonNode recordDisplay = json.readTree(formVariables(chenjing, recordTask).at("/display/value").asText());
        assertThat(recordDisplay.get("hearingAt").asText()).isEqualTo(
                org.lawflow.system.ChinaTimeFormat.date(hearingDay).replaceAll("（.*", "") + " 09:30");
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.LocalDate
                .parse(hearingDay).atTime(11, 0).atZone(org.lawflow.system.ChinaTime.ZONE).toInstant()));
        try {
            flows.done("chenjing", caseNo, "Task_RecordHearing", Map.of("attendance", "PRESENT",
                    "investigatorStatement", "调查人员陈述事实", "partyDefence", "当事人称系初犯", "crossExamination", "双方质证",
                    "partySigned", true));
        } finally {
            org.lawflow.TestClock.restore();
        }
        flows.runJobs(caseNo);
        String reportTask = flows.task(caseNo, "Task_WriteHearingReport").getId();
        assertThat(formVariables(chenjing, reportTask).at("/dossier/value").asText())
                .contains("举行听证并制作笔录（陈静，", "西宁火车站载客收费", "罚款30000元");
        flows.done("chenjing", caseNo, "Task_WriteHearingReport",
                Map.of("hearingOpinion", "当事人系初犯，建议罚款一万八千元", "hearingRecommendedFineAmount", 18000));
        flows.runJobs(caseNo);
        flows.done("zhangwei", caseNo, "Task_RecordStatement", Map.of("partyStated", false, "statementWaived", true,
                "opinion", "听证中已陈述申辩"));
        flows.runJobs(caseNo);

        String reviewTask = flows.task(caseNo, "Task_ReviewLegality").getId();
        var wangfang = WebappSession.login(http, base(), "wangfang");
        String dossier = formVariables(wangfang, reviewTask).at("/dossier/value").asText();
        assertThat(dossier).contains("已举行听证", "撰写听证报告（陈静，", "当事人系初犯，建议罚款一万八千元", "听证报告建议",
                "罚款18000元——陈静", "罚款30000元——张伟", "收到听证申请", "方式：书面申请")
                .containsPattern("收到时间：\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}")
                .doesNotContain("HELD", "WRITTEN");
    }

    @Test
    void theCaseViewNamesWhoHoldsEachOpenTask() {
        var filed = flows.majorCaseAtLegalReview(ApiClient.todayInChina());
        var details = api.get("zhangwei", "/api/cases/" + filed.id()).json();
        assertThat(details.get("tasks")).anySatisfy(task -> {
            assertThat(task.get("name").asText()).isEqualTo("法制审核");
            assertThat(task.get("holder").asText()).matches("待认领：法制审核员（([^）]*、)?王芳(、[^）]*)?）");
        });
        flows.completeAs("wangfang", filed.caseNo(), "Task_ReviewLegality", Map.of()); // claims, then is refused
        var claimed = api.get("zhangwei", "/api/cases/" + filed.id()).json();
        assertThat(claimed.get("tasks")).anySatisfy(task -> assertThat(task.get("holder").asText()).isEqualTo("王芳"));
    }
}
