package org.lawflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestClock;
import org.lawflow.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Issue #25 on PostgreSQL through REST, with the application clock fixed in December 2026 and the 2027 notice not
 * loaded: a decision of 2026-12-20 runs through 送达, 备案 and 公示 with no error; a hearing request of 2026-12-30 is
 * recorded and accepted, not waived; then the 2027 notice is entered and the open provisional deadlines move, each
 * change in the case record.
 */
@LawFlowSpringTest
class ProvisionalCalendarFlowTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    private static final String YEAR_2027 = "/api/calendar/years/2027";

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine processEngine;
    @Autowired TaskService taskService;
    @Autowired StatutoryDeadlines deadlines;

    @AfterEach
    void backToTheTestClockAndNoNotice() {
        TestClock.restore();
        new ApiClient(rest).exchange("admin", HttpMethod.DELETE, YEAR_2027, null);
    }

    @Test
    void decisionServiceFilingPublicationAndHearingRequestAcrossTheUnloadedYearThenRecomputation() {
        ApiClient api = new ApiClient(rest);
        Flows flows = new Flows(api, processEngine);
        api.exchange("admin", HttpMethod.DELETE, YEAR_2027, null); // another test may have entered one
        assertThat(deadlines.coveredYears()).doesNotContain(2027);

        at("2026-12-24T10:00:00+08:00");
        var filed = flows.majorCaseAtLegalReview("2026-12-24");
        String caseNo = filed.caseNo();
        done(flows, "wangfang", caseNo, "Task_ReviewLegality", Map.of("checkSubject", true,
                "checkAuthority", true, "checkProcedure", true, "checkFacts", true, "checkLawApplied", true,
                "checkDiscretion", true, "checkDocuments", true, "suspectedCrime", false, "reviewOpinion", "APPROVE",
                "reviewReasons", "事实清楚，证据确凿，适用法律正确，程序合法。"));
        flows.runJobs(caseNo);
        done(flows, "zhaomin", caseNo, "Task_HeadDecision", Map.of("headDecision", "PENALTY",
                "decisionOpinion", "同意法制审核意见，给予罚款三千元的行政处罚。"));
        flows.runJobs(caseNo);

        // 公示 of a 行政处罚 (7 working days from the decision on 2026-12-24) reaches 2027: provisional
        at("2026-12-25T09:00:00+08:00");
        done(flows, "zhangwei", caseNo, "Task_RecordDecisionService",
                Map.of("servedOn", "2026-12-25", "serviceMethod", "DIRECT"));
        flows.runJobs(caseNo);
        var publication = flows.task(caseNo, "Task_ConfirmPublication");
        Deadline publicationDeadline = deadlines.deadline(StatutoryPeriod.PUBLICATION_PENALTY,
                LocalDate.of(2026, 12, 24), "xining");
        assertThat(publicationDeadline.provisional()).isTrue();
        assertThat(publicationDeadline.rule()).contains("暂定（2027年放假安排尚未载入）");
        assertThat(publication.getDueDate()).as("an agency duty takes the earliest possible date")
                .isEqualTo(deadlines.endOfDay(publicationDeadline.earliest()));
        var caseView = api.get("zhangwei", "/api/cases/" + filed.id());
        assertThat(caseView.status()).isEqualTo(200);
        // 备案 (5 days from the decision, inside 2026) went out: its documents and package exist
        assertThat(caseView.body()).contains("FILING_REPORT", "FILING_FORM");
        assertThat(caseView.json().at("/packages").size()).isEqualTo(1);
        assertThat(api.get("sunli", "/api/monitor/deadlines").status()).as("the deadline board keeps working")
                .isEqualTo(200);

        // a hearing on a second case: notice delivered 2026-12-28, the party's request arrives 2026-12-30
        at("2026-12-28T09:00:00+08:00");
        var second = flows.filedCase("zhangwei", ApiClient.citizenCase("zhangwei", "liqiang"));
        var started = api.post("zhangwei", "/api/cases/" + second.id() + "/hearings",
                Map.of("noticeDeliveredOn", "2026-12-28"));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        flows.runJobs(second.caseNo());
        Deadline window = deadlines.deadline(StatutoryPeriod.HEARING_REQUEST, LocalDate.of(2026, 12, 28), "xining");
        assertThat(window.provisional()).isTrue();
        assertThat(window.due()).as("the party's time takes the latest possible date").isEqualTo(window.latest())
                .isAfter(window.earliest());
        at("2026-12-30T15:00:00+08:00");
        var request = api.post("zhangwei", "/api/cases/" + second.id() + "/hearing-requests",
                Map.of("channel", "WRITTEN", "receivedAt", "2026-12-30T14:30:00+08:00"));
        assertThat(request.status()).as(request.body()).isEqualTo(202);
        assertThat(request.json().get("outcome").asText()).isEqualTo("ACCEPTED");
        var appoint = flows.task(second.caseNo(), "Task_AppointHost");
        Deadline appointDeadline = deadlines.deadline(StatutoryPeriod.HOST_APPOINTMENT, LocalDate.of(2026, 12, 30),
                "xining");
        assertThat(appoint.getDueDate()).isEqualTo(deadlines.endOfDay(appointDeadline.earliest()));
        assertThat(api.get("zhangwei", "/api/cases/" + second.id()).body()).doesNotContain("WAIVED");

        // the minimum notice owed to the party (听证七日前通知) counts to the latest possible date
        at("2026-12-31T09:00:00+08:00");
        done(flows, "zhaomin", second.caseNo(), "Task_AppointHost", Map.of("hearingHost", "chenjing"));
        Deadline notice = deadlines.deadline(StatutoryPeriod.HEARING_NOTICE, LocalDate.of(2026, 12, 31), "xining");
        assertThat(notice.latest()).isAfter(notice.earliest());
        var tooEarly = flows.completeAs("chenjing", second.caseNo(), "Task_ScheduleHearing", Map.of("hearingAt",
                notice.earliest() + "T09:30", "hearingPlace", "支队听证室", "hearingPublic", true));
        assertThat(tooEarly.status()).as(tooEarly.body()).isGreaterThanOrEqualTo(400);
        assertThat(tooEarly.body()).contains("听证日期最早为");
        var schedule = flows.task(second.caseNo(), "Task_ScheduleHearing");
        assertThat(taskService.getVariableLocal(schedule.getId(), "earliestHearingDate"))
                .isEqualTo(deadlines.endOfDay(notice.latest()));

        // the administrator enters the 2027 notice: both open deadlines move to the final dates, recorded per case
        var put = api.exchange("admin", HttpMethod.PUT, YEAR_2027, notice2027());
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        var summary = put.json().get("recomputation");
        assertThat(summary.get("tasksChanged").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(summary.get("byCase").has(caseNo)).as(summary.toString()).isTrue();
        assertThat(summary.get("byCase").has(second.caseNo())).as(summary.toString()).isTrue();

        LocalDate publicationFinal = deadlines.deadline(StatutoryPeriod.PUBLICATION_PENALTY,
                LocalDate.of(2026, 12, 24), "xining").due();
        assertThat(taskService.createTaskQuery().taskId(publication.getId()).singleResult().getDueDate())
                .isEqualTo(deadlines.endOfDay(publicationFinal));
        LocalDate scheduleFinal = deadlines.deadline(StatutoryPeriod.HEARING_SCHEDULING, LocalDate.of(2026, 12, 31),
                "xining").due();
        assertThat(taskService.createTaskQuery().taskId(schedule.getId()).singleResult().getDueDate())
                .isEqualTo(deadlines.endOfDay(scheduleFinal));
        // a minimum notice already used for the party is never shortened (信赖保护)
        LocalDate noticeFinal = deadlines.deadline(StatutoryPeriod.HEARING_NOTICE, LocalDate.of(2026, 12, 31),
                "xining").due();
        assertThat(taskService.getVariableLocal(schedule.getId(), "earliestHearingDate")).isEqualTo(
                deadlines.endOfDay(noticeFinal.isAfter(notice.latest()) ? noticeFinal : notice.latest()));
        assertThat(publicationFinal).isNotEqualTo(publicationDeadline.earliest());
        assertThat(api.get("zhangwei", "/api/cases/" + filed.id()).body()).contains("期限重新计算")
                .contains(publicationDeadline.earliest().toString()).contains(publicationFinal.toString());
        // 公示 is confirmed with no error, on the recomputed deadline
        done(flows, "zhangwei", caseNo, "Task_ConfirmPublication", Map.of("publicationText", ""));
        flows.runJobs(caseNo);
        assertThat(rest.getForObject("/public/decisions", String.class)).contains(caseNo);
        var years = api.get("zhangwei", "/api/calendar/years").json();
        List<String> statuses = new ArrayList<>();
        years.forEach(y -> statuses.add(y.get("year").asText() + y.get("status").asText()));
        assertThat(statuses).contains("2026NOTICE", "2027NOTICE");
    }

    /** A complete 2027 year as a notice would have it (test data, not the real notice): every statutory day. */
    private static Map<String, Object> notice2027() {
        List<Map<String, String>> holidays = new ArrayList<>();
        for (HolidayRegulation.Festival f : HolidayRegulation.festivals(2027)) {
            holidays.add(Map.of("name", f.name(), "from", f.first().toString(), "to", f.last().toString()));
        }
        return Map.of("notice", "测试用：国务院办公厅关于2027年部分节假日安排的通知（仅法定节假日）", "holidays", holidays);
    }

    private static void done(Flows flows, String user, String caseNo, String taskKey, Map<String, Object> variables) {
        var answer = flows.completeAs(user, caseNo, taskKey, variables);
        assertThat(answer.status()).as(taskKey + " as " + user + ": " + answer.body()).isIn(200, 204);
    }

    private static void at(String chinaTime) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(chinaTime).toInstant()));
    }
}
