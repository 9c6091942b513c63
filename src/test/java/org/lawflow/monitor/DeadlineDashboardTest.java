package org.lawflow.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.TestClock;
import org.lawflow.TestSmtp;
import org.lawflow.system.ChinaTimeFormat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** The deadline dashboard lists overdue and met-late tasks of the user's agency only, with their basis. */
@LawFlowSpringTest
class DeadlineDashboardTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @Autowired TestRestTemplate rest;
    @Autowired TaskService taskService;
    @Autowired ProcessEngine engine;

    @Test
    void overdueAndMetLateTasksOfTheOwnAgencyOnly() throws Exception {
        var api = new ApiClient(rest);
        String overdueCase = register(api);
        var overdueTask = taskService.createTaskQuery().processInstanceBusinessKey(overdueCase).singleResult();
        taskService.setAssignee(overdueTask.getId(), "zhaomin");
        taskService.setDueDate(overdueTask.getId(), new Date(System.currentTimeMillis() - 3 * 86_400_000L));

        String lateCase = register(api);
        var lateTask = taskService.createTaskQuery().processInstanceBusinessKey(lateCase).singleResult();
        taskService.setDueDate(lateTask.getId(), new Date(System.currentTimeMillis() - 86_400_000L));
        taskService.complete(lateTask.getId(), Map.of("filingDecision", "approve", "filingOpinion", "同意立案"));

        var sunli = items(api, "sunli", "");
        assertThat(find(sunli, overdueCase, "OVERDUE")).as("overdue item for sunli").isNotNull();
        assertThat(find(sunli, overdueCase, "OVERDUE").get("statusLabel").asText()).isEqualTo("已逾期");
        assertThat(find(sunli, overdueCase, "OVERDUE").get("flow").asText()).isEqualTo("case-filing-approval");
        assertThat(find(sunli, overdueCase, "OVERDUE").get("agency").asText()).isEqualTo("xining");
        assertThat(find(sunli, lateCase, "MET_LATE")).as("met-late item").isNotNull();
        assertThat(find(sunli, lateCase, "MET_LATE").get("completed").isNull()).isFalse();

        // filters: by officer and by flow
        assertThat(find(items(api, "sunli", "?officer=zhaomin"), overdueCase, "OVERDUE")).isNotNull();
        assertThat(find(items(api, "sunli", "?officer=liqiang"), overdueCase, "OVERDUE")).isNull();
        assertThat(find(items(api, "sunli", "?flow=hearing-notice"), overdueCase, "OVERDUE")).isNull();
        assertThat(find(items(api, "sunli", "?flow=case-filing-approval"), overdueCase, "OVERDUE")).isNotNull();

        // another agency sees nothing of it
        var zhoujie = items(api, "zhoujie", "");
        assertThat(find(zhoujie, overdueCase, "OVERDUE")).isNull();
        assertThat(find(zhoujie, lateCase, "MET_LATE")).isNull();
        for (JsonNode item : zhoujie) {
            assertThat(item.get("agency").asText()).isEqualTo("haidong");
        }
        assertThat(api.get(null, "/api/monitor/deadlines").status()).isEqualTo(401);

        // the page: login required, Chinese, the overdue item
        assertThat(api.get(null, "/monitor/deadlines").status()).isEqualTo(401);
        var page = api.get("sunli", "/monitor/deadlines");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("法定期限看板", overdueCase, "已逾期", "逾期办结");
        assertThat(api.get("zhoujie", "/monitor/deadlines").body()).contains("法定期限看板").doesNotContain(overdueCase);

        // the daily digest (timer process overdue-digest): one mail to xining's supervisor with the overdue item
        var digest = engine.getRuntimeService().startProcessInstanceByKey("overdue-digest");
        var job = engine.getManagementService().createJobQuery().processInstanceId(digest.getId()).singleResult();
        engine.getManagementService().executeJob(job.getId());
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(digest.getId())
                .finished().count()).isEqualTo(1);
        // (the same job mails the weekly calendar reminder while next year's holiday notice is missing: December)
        var mails = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains("逾期督办"))
                .toArray(jakarta.mail.internet.MimeMessage[]::new);
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).contains("sunli@lawflow.example");
        assertThat(mails[0].getSubject()).contains("逾期督办", "西宁");
        assertThat(String.valueOf(mails[0].getContent())).contains(overdueCase, "已超过法定期限",
                "期限：" + ChinaTimeFormat.dateTime(taskService.createTaskQuery().taskId(overdueTask.getId())
                        .singleResult().getDueDate()));
    }

    /** Times on the page are China time whatever the server's zone: a task due at 23:59:59 shows 23:59. */
    @Test
    void pageShowsChinaTime() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-12-11T17:05:00+08:00").toInstant()));
        try {
            var api = new ApiClient(rest);
            String caseNo = register(api);
            var task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
            taskService.setDueDate(task.getId(),
                    Date.from(OffsetDateTime.parse("2026-12-14T23:59:59+08:00").toInstant()));

            var page = api.get("sunli", "/monitor/deadlines");
            assertThat(page.status()).isEqualTo(200);
            String body = page.body();
            String row = body.substring(body.lastIndexOf("<tr", body.indexOf("<td>" + caseNo + "</td>")));
            row = row.substring(0, row.indexOf("</tr>"));
            assertThat(row).contains("即将到期", "<td>2026年12月14日 23:59</td>");
            assertThat(page.body()).contains("生成时间：<span>2026年12月11日 17:05</span>",
                    "（至 <span>2026年12月15日（星期二）</span>）");
        } finally {
            TestClock.restore();
        }
    }

    @Test
    void legalBasisComesFromTheDueDateExpression() {
        assertThat(DeadlineBoard.basisOf("${deadlines.due('LEGAL_REVIEW', now())}")[0]).isEqualTo("法制审核期限");
        assertThat(DeadlineBoard.basisOf("${deadlines.due('HEARING_REQUEST', x)}")[1]).isEqualTo("行政处罚法第六十四条第一项");
        assertThat(DeadlineBoard.basisOf("${hearingRequestDeadline}")[1]).isEqualTo("行政处罚法第六十四条第一项");
        assertThat(DeadlineBoard.basisOf("${deadlines.workdaysAfter(now(), 3)}")[1]).contains("行政处罚法第八十五条");
    }

    private static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String register(ApiClient api) {
        var created = api.post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("caseNo").asText();
    }

    private static List<JsonNode> items(ApiClient api, String user, String query) {
        var response = api.get(user, "/api/monitor/deadlines" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }

    private static JsonNode find(List<JsonNode> items, String caseNo, String status) {
        return items.stream().filter(i -> caseNo.equals(i.path("caseNo").asText()) && status.equals(i.get("status").asText()))
                .findFirst().orElse(null);
    }
}
