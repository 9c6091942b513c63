package org.lawflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.PdfText;
import org.lawflow.TestClock;
import org.lawflow.TestSmtp;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * 案卷评查 end to end through /api and the engine, each path on its own year (the database is shared with other tests;
 * decisions are dated into those years here): no decided case, fewer than 10 all 合格, more than 10 with a 不合格 case
 * whose rectification is returned once and then accepted; the draw repeated from the recorded seed; the bulletin PDF
 * read back; the start's refusals and who reads what. The clock is fixed (Monday 2026-11-23, 09:00 China time).
 */
@LawFlowSpringTest
class CaseFileEvaluationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;

    ApiClient api;
    Flows flows;

    @BeforeEach
    void fixClock() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        api = new ApiClient(rest);
        flows = new Flows(api, engine);
    }

    @AfterEach
    void restoreClock() {
        TestClock.restore();
    }

    @Test
    void aYearWithoutDecidedCasesStillGetsItsBulletin() {
        var started = api.post("sunli", "/api/evaluations", Map.of("year", 2011));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().get("id").asText();
        String instance = started.json().get("processInstanceId").asText();

        assertThat(tasks(instance, "Task_EvaluateCase")).isEmpty();
        Task approval = single(instance, "Task_ApproveBulletin");
        assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
                .anyMatch(l -> "agency-head".equals(l.getGroupId()));
        assertThat(approval.getTenantId()).isEqualTo("xining");
        assertThat(approval.getDueDate().toInstant().atZone(ChinaTime.ZONE).toLocalDate())
                .as("5 working days from Mon 11-23").isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(refused(() -> engine.getTaskService().complete(approval.getId(), Map.of("bulletinApproved", false))))
                .hasMessageContaining("审定同意");
        engine.getTaskService().complete(approval.getId(), Map.of("bulletinApproved", true, "bulletinOpinion", "同意印发"));
        runJobs(instance);

        assertThat(ended(instance)).isTrue();
        JsonNode evaluation = api.get("sunli", "/api/evaluations/" + id).json();
        assertThat(evaluation.get("status").asText()).isEqualTo("CLOSED");
        assertThat(evaluation.get("population").asInt()).isZero();
        assertThat(evaluation.get("samples")).isEmpty();
        String pdf = PdfText.compact(bulletin("sunli", id));
        assertThat(pdf).contains("2011年度案卷评查情况通报", "本年度无可评查案卷", "随机种子");
    }

    @Test
    void fewerThanTenCasesAreAllEvaluatedAndAllPass() throws Exception {
        List<Flows.FiledCase> cases = decidedCases(3, 2012);
        decidedCases(1, 2013); // another year: not in the population

        var started = api.post("sunli", "/api/evaluations", Map.of("year", 2012));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().get("id").asText();
        String instance = started.json().get("processInstanceId").asText();

        List<Task> evaluations = tasks(instance, "Task_EvaluateCase");
        assertThat(evaluations).hasSize(3);
        assertThat(evaluations).allSatisfy(t -> assertThat(engine.getTaskService().getIdentityLinksForTask(t.getId()))
                .anyMatch(l -> "supervisor".equals(l.getGroupId())));
        List<String> evaluated = new ArrayList<>();
        for (Task t : evaluations) {
            evaluated.add(String.valueOf(engine.getTaskService().getVariable(t.getId(), "caseId")));
            engine.getTaskService().complete(t.getId(), allPass());
        }
        assertThat(evaluated).containsExactlyInAnyOrderElementsOf(cases.stream().map(Flows.FiledCase::id).toList());
        assertThat(engine.getRuntimeService().getVariable(instance, "check_subject"))
                .as("answers do not linger for the next case").isNull();

        engine.getTaskService().complete(single(instance, "Task_ApproveBulletin").getId(),
                Map.of("bulletinApproved", true));
        assertThat(tasks(instance, "Task_RectifyCase")).isEmpty();
        runJobs(instance);
        assertThat(ended(instance)).isTrue();

        JsonNode evaluation = api.get("sunli", "/api/evaluations/" + id).json();
        assertThat(evaluation.get("population").asInt()).isEqualTo(3);
        assertThat(evaluation.get("samples").findValuesAsText("grade")).containsOnly("合格").hasSize(3);
        String pdf = PdfText.compact(bulletin("zhaomin", id));
        assertThat(pdf).contains("随机抽查3件", "合格3件", "不合格0件");
        for (var c : cases) {
            assertThat(pdf).contains(c.caseNo());
            assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = ? and action = ?",
                    Integer.class, UUID.fromString(c.id()), "抽中2012年度案卷评查")).isEqualTo(1);
        }
        assertThat(smtp.getReceivedMessages()).as("the superior body gets the bulletin")
                .anySatisfy(m -> assertThat(m.getAllRecipients()[0].toString()).contains("<jiaotongting@qinghai.example>"));
    }

    @Test
    void aFailedCaseIsRectifiedReturnedOnceThenAccepted() {
        List<Flows.FiledCase> cases = decidedCases(12, 2014);
        var started = api.post("sunli", "/api/evaluations", Map.of("year", 2014));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().get("id").asText();
        String instance = started.json().get("processInstanceId").asText();

        // the default sample of 10, and the same 10 again from the recorded seed
        List<Task> evaluations = tasks(instance, "Task_EvaluateCase");
        assertThat(evaluations).hasSize(10);
        long seed = jdbc.queryForObject("select seed from case_evaluation where id = ?", Long.class, UUID.fromString(id));
        var population = cases.stream().map(c -> new CaseEvaluations.Candidate(UUID.fromString(c.id()), c.caseNo()))
                .sorted(Comparator.comparing(CaseEvaluations.Candidate::caseNo)).toList();
        var redrawn = EvaluationSteps.draw(population, 10, seed).stream().map(c -> c.id().toString()).toList();
        assertThat(jdbc.queryForList("select case_id from case_evaluation_sample where evaluation_id = ? order by position",
                UUID.class, UUID.fromString(id)).stream().map(UUID::toString).toList()).isEqualTo(redrawn);

        Task failing = evaluations.get(0);
        String failedCase = String.valueOf(engine.getTaskService().getVariable(failing.getId(), "caseId"));
        Map<String, Object> answers = allPass();
        answers.remove("check_law");
        assertThat(refused(() -> engine.getTaskService().complete(failing.getId(), answers)))
                .as("an item left unassessed never counts as 合格").hasMessageContaining("适用法律准确");
        answers.put("check_law", "PASS");
        answers.put("check_facts", "FAIL");
        var noProblem = refused(() -> engine.getTaskService().complete(failing.getId(), answers));
        assertThat(noProblem).hasMessageContaining("请写明存在的问题");
        assertThat(noProblem.field()).isEqualTo("problem_facts");
        answers.put("problem_facts", "询问笔录未经当事人签名确认");
        engine.getTaskService().complete(failing.getId(), answers);
        for (Task t : evaluations.subList(1, evaluations.size())) {
            engine.getTaskService().complete(t.getId(), allPass());
        }
        engine.getTaskService().complete(single(instance, "Task_ApproveBulletin").getId(),
                Map.of("bulletinApproved", true));
        // the mail server is down: the bulletin's mail job fails and is retried, the rectification is not held up
        smtp.stop();
        var mailJob = engine.getManagementService().createJobQuery().processInstanceId(instance).executable()
                .singleResult();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(mailJob.getId()));
        assertThat(engine.getManagementService().createJobQuery().jobId(mailJob.getId()).singleResult().getRetries())
                .isLessThan(mailJob.getRetries());

        Task rectify = single(instance, "Task_RectifyCase");
        assertThat(rectify.getAssignee()).isEqualTo("zhangwei");
        assertThat(engine.getTaskService().getVariable(rectify.getId(), "caseId")).isEqualTo(failedCase);
        assertThat(String.valueOf(engine.getTaskService().getVariable(rectify.getId(), "evaluationProblems")))
                .contains("询问笔录未经当事人签名确认");
        assertThat(rectify.getDueDate().toInstant().atZone(ChinaTime.ZONE).toLocalDate())
                .as("20 working days from Mon 11-23").isEqualTo(LocalDate.of(2026, 12, 21));
        engine.getTaskService().complete(rectify.getId(), Map.of("rectificationMeasures", "已补充当事人签名的询问笔录"));

        Task confirm = single(instance, "Task_ConfirmRectification");
        assertThat(refused(() -> engine.getTaskService().complete(confirm.getId(),
                Map.of("rectificationDecision", "RETURN")))).hasMessageContaining("理由");
        engine.getTaskService().complete(confirm.getId(), Map.of("rectificationDecision", "RETURN",
                "rectificationOpinion", "签名页未归档"));
        Task again = single(instance, "Task_RectifyCase");
        assertThat(engine.getTaskService().getVariable(again.getId(), "returnReason")).isEqualTo("签名页未归档");
        engine.getTaskService().complete(again.getId(), Map.of("rectificationMeasures", "签名页已归档"));
        engine.getTaskService().complete(single(instance, "Task_ConfirmRectification").getId(),
                Map.of("rectificationDecision", "ACCEPT"));
        assertThat(ended(instance)).as("the bulletin has not gone out yet").isFalse();
        smtp.start();
        engine.getManagementService().executeJob(mailJob.getId());
        assertThat(ended(instance)).isTrue();
        assertThat(smtp.getReceivedMessages()).anySatisfy(m -> assertThat(m.getSubject()).contains("2014年度案卷评查情况通报"));

        JsonNode evaluation = api.get("zhaomin", "/api/evaluations/" + id).json();
        assertThat(evaluation.get("status").asText()).isEqualTo("CLOSED");
        JsonNode failed = null;
        for (JsonNode s : evaluation.get("samples")) {
            if (s.get("caseId").asText().equals(failedCase)) {
                failed = s;
            }
        }
        assertThat(failed).isNotNull();
        assertThat(failed.get("grade").asText()).isEqualTo("不合格");
        assertThat(failed.get("rectification").asText()).isEqualTo("签名页已归档");
        assertThat(failed.get("rectificationStatus").asText()).isEqualTo("ACCEPTED");
        String pdf = PdfText.compact(bulletin("sunli", id));
        assertThat(pdf).contains("本年度作出决定的案卷12件", "随机抽查10件", "不合格1件", "询问笔录未经当事人签名确认",
                String.valueOf(seed));
    }

    @Test
    void theStartIsRefusedByFieldAndTheResultsAreReadByRole() {
        decidedCases(1, 2015);
        var noYear = api.post("sunli", "/api/evaluations", Map.of());
        assertThat(noYear.status()).isEqualTo(400);
        assertThat(noYear.json().get("field").asText()).isEqualTo("year");
        assertThat(noYear.json().get("detail").asText()).contains("评查年度");
        var future = api.post("sunli", "/api/evaluations", Map.of("year", 2027));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("detail").asText()).contains("2026年");
        var small = api.post("sunli", "/api/evaluations", Map.of("year", 2015, "sampleSize", 5));
        assertThat(small.status()).isEqualTo(400);
        assertThat(small.json().get("field").asText()).isEqualTo("sampleSize");
        assertThat(small.json().get("detail").asText()).contains("不得少于10件");
        assertThat(api.post("zhangwei", "/api/evaluations", Map.of("year", 2015)).status()).isEqualTo(403);

        var started = api.post("sunli", "/api/evaluations", Map.of("year", 2015, "sampleSize", 12));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        var again = api.post("sunli", "/api/evaluations", Map.of("year", 2015));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("正在进行");

        String path = "/api/evaluations/" + started.json().get("id").asText();
        assertThat(api.get("zhaomin", path).json().get("samples")).hasSize(1);
        assertThat(api.get("zhaomin", path).json().get("seed").isNumber()).isTrue();
        var officer = api.get("zhangwei", path);
        assertThat(officer.status()).isEqualTo(200);
        assertThat(officer.json().get("samples")).hasSize(1);
        assertThat(officer.json().has("seed")).as("an officer sees own cases' results only").isFalse();
        assertThat(api.get("zhangwei", path + "/bulletin").status()).isEqualTo(404);
        assertThat(api.get("wangfang", path).status()).as("no own case in the sample").isEqualTo(404);
        assertThat(api.get("zhoujie", path).status()).as("another agency").isEqualTo(404);
    }

    /**
     * As Tasklist does it: the start form submitted through the engine REST (tenant = the supervisor's agency), a
     * second start of the same year refused with 409, and an incomplete evaluation form refused with 400 naming the
     * field; a head cannot start one.
     */
    @Test
    void tasklistStartsAndCompletesThroughTheEngineRest() {
        decidedCases(1, 2016);
        String submit = "/engine-rest/process-definition/key/case-file-evaluation/submit-form";
        Map<String, Object> form = Map.of("variables", Map.of("year", Map.of("value", 2016),
                "sampleSize", Map.of("value", 10)));
        var started = api.post("sunli", submit, form);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String instance = started.json().get("id").asText();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getTenantId()).isEqualTo("xining");
        var again = api.post("sunli", submit, form);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("message").asText()).contains("2016年度的案卷评查正在进行");
        assertThat(api.post("zhaomin", submit, Map.of("variables", Map.of("year", Map.of("value", 2017)))).status())
                .as("heads approve the bulletin, they do not start evaluations").isIn(403, 404);

        Task evaluation = single(instance, "Task_EvaluateCase");
        Map<String, Object> answers = new HashMap<>();
        allPass().forEach((k, v) -> answers.put(k, Map.of("value", v)));
        answers.remove("check_crime");
        var incomplete = api.post("sunli", "/engine-rest/task/" + evaluation.getId() + "/submit-form",
                Map.of("variables", answers));
        assertThat(incomplete.status()).as(incomplete.body()).isEqualTo(400);
        assertThat(incomplete.json().get("field").asText()).isEqualTo("check_crime");
        assertThat(incomplete.json().get("message").asText()).contains("涉嫌犯罪的已依法移送");
        answers.put("check_crime", Map.of("value", "PASS"));
        assertThat(api.post("zhangwei", "/engine-rest/task/" + evaluation.getId() + "/submit-form",
                Map.of("variables", answers)).status()).as("an officer does not evaluate").isIn(403, 404);
        assertThat(api.post("sunli", "/engine-rest/task/" + evaluation.getId() + "/submit-form",
                Map.of("variables", answers)).status()).isEqualTo(204);
        assertThat(single(instance, "Task_ApproveBulletin")).isNotNull();
    }

    /** {@code n} xining cases of zhangwei and liqiang, each with the head's decision dated 1 June of {@code year}. */
    private List<Flows.FiledCase> decidedCases(int n, int year) {
        List<Flows.FiledCase> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var c = flows.filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
            jdbc.update("insert into penalty_revision (case_id, stage, kind, amount, description, actor, at, reason) "
                    + "values (?, 'HEAD_DECISION', 'FINE', 30000, '罚款30000元', 'zhaomin', ?, '测试')",
                    UUID.fromString(c.id()), Timestamp.from(LocalDate.of(year, 6, 1).atTime(10, 0)
                            .atZone(ChinaTime.ZONE).toInstant()));
            cases.add(c);
        }
        return cases;
    }

    /** The guard's refusal (the engine wraps a listener's exception). */
    private static InvalidInputException refused(Runnable completion) {
        try {
            completion.run();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InvalidInputException invalid) {
                    return invalid;
                }
            }
            throw e;
        }
        throw new AssertionError("the completion was not refused");
    }

    private static Map<String, Object> allPass() {
        Map<String, Object> answers = new HashMap<>();
        for (var item : EvaluationChecklist.ITEMS) {
            answers.put(item.checkField(), "PASS");
        }
        return answers;
    }

    private List<Task> tasks(String instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).list();
    }

    private Task single(String instance, String key) {
        List<Task> found = tasks(instance, key);
        assertThat(found).as(key).hasSize(1);
        return found.get(0);
    }

    private boolean ended(String instance) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() == 0;
    }

    private void runJobs(String instance) {
        for (var job : engine.getManagementService().createJobQuery().processInstanceId(instance).executable().list()) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    private byte[] bulletin(String user, String id) {
        var response = rest.withBasicAuth(user, "demo").getForEntity("/api/evaluations/" + id + "/bulletin", byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }
}
