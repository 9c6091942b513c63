package org.lawflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpMethod;

/**
 * Steps the Spring Boot tests share: a registered and approved (立案) case, and running the due jobs of a case's
 * flows the way the job executor would (it is off in tests so that they are deterministic).
 */
public final class Flows {

    private final ApiClient api;
    private final TaskService tasks;
    private final ManagementService management;
    private final RuntimeService runtime;

    public Flows(ApiClient api, ProcessEngine engine) {
        this.api = api;
        this.tasks = engine.getTaskService();
        this.management = engine.getManagementService();
        this.runtime = engine.getRuntimeService();
    }

    public record FiledCase(String id, String caseNo) {
    }

    /** Registers the case as {@code officer} and lets zhaomin approve 立案. */
    public FiledCase filedCase(String officer, Map<String, Object> registration) {
        var created = api.post(officer, "/api/cases", registration);
        if (created.status() != 201) {
            throw new AssertionError("case not registered: " + created.status() + " " + created.body());
        }
        String caseNo = created.json().get("caseNo").asText();
        Task approval = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        tasks.complete(approval.getId(), Map.of("filingDecision", "approve", "filingOpinion", "同意立案"));
        return new FiledCase(created.json().get("id").asText(), caseNo);
    }

    /**
     * A registered (not yet filed) haidong case: zhoujie with a second haidong officer, mahai (created if missing; two
     * officers are the legal minimum). Its 立案 approval runs in tenant haidong. Returns {@code {id, caseNo}}.
     */
    public com.fasterxml.jackson.databind.JsonNode registeredHaidongCase(IdentityService identityService) {
        if (identityService.createUserQuery().userId("mahai").count() == 0) {
            var user = identityService.newUser("mahai");
            user.setFirstName("海");
            user.setLastName("马");
            user.setPassword("demo");
            identityService.saveUser(user);
            identityService.createMembership("mahai", "officer");
            identityService.createTenantUserMembership("haidong", "mahai");
        }
        var created = api.post("zhoujie", "/api/cases", ApiClient.citizenCase("mahai"));
        if (created.status() != 201) {
            throw new AssertionError("haidong case not registered: " + created.status() + " " + created.body());
        }
        return created.json();
    }

    /**
     * As {@link #majorCaseAtLegalReview} on {@code day}, then reviewed, decided (罚款3000元), published and its decision
     * served on {@code day}: 执行与结案 has started and 登记缴纳罚款 waits for zhangwei. Call it on a clock set to
     * {@code day}.
     */
    public FiledCase decidedFineServed(String day) {
        FiledCase filed = majorCaseAtLegalReview(day);
        String caseNo = filed.caseNo();
        approveLegalReview(caseNo, "事实清楚，证据确凿，适用法律正确，程序合法。");
        done("zhaomin", caseNo, "Task_HeadDecision", Map.of("headDecision", "PENALTY", "decidedFineAmount", 3000,
                "decisionOpinion", "同意法制审核意见，给予罚款三千元的行政处罚。"));
        runJobs(caseNo);
        done("zhangwei", caseNo, "Task_ConfirmPublication", Map.of("publicationText", ""));
        runJobs(caseNo);
        done("zhangwei", caseNo, "Task_RecordDecisionService", Map.of("servedOn", day, "serviceMethod", "DIRECT"));
        runJobs(caseNo);
        return filed;
    }

    /**
     * A filed 3,000 元 fine case of zhangwei and liqiang with 重大公共利益 (so the law requires legal review), its
     * review started, the proposal confirmed, the notice delivered on {@code deliveredOn} and the statement waived:
     * the case waits in 法制审核.
     */
    public FiledCase majorCaseAtLegalReview(String deliveredOn) {
        return caseAtLegalReview(3000, "majorPublicInterest", deliveredOn);
    }

    /**
     * As {@link #majorCaseAtLegalReview}, with a fine of {@code fine} 元 and {@code reviewGround} (a registration flag
     * such as majorPublicInterest or complexCase) as the reason for the legal review.
     */
    public FiledCase caseAtLegalReview(int fine, String reviewGround, String deliveredOn) {
        FiledCase filed = caseNotified(fine, reviewGround, deliveredOn);
        done("zhangwei", filed.caseNo(), "Task_RecordStatement",
                Map.of("partyStated", false, "statementWaived", true, "opinion", "当事人书面放弃陈述申辩"));
        return filed;
    }

    /**
     * As {@link #caseUnderReview}, the proposal confirmed and the notice (违法行为通知书) delivered on
     * {@code deliveredOn}: 陈述申辩 (and, with hearing rights, the hearing notice flow) follow.
     */
    public FiledCase caseNotified(int fine, String reviewGround, String deliveredOn) {
        FiledCase filed = caseUnderReview(fine, reviewGround);
        done("zhangwei", filed.caseNo(), "Task_SubmitProposedDecision", Map.of("proposalConfirmed", true));
        runJobs(filed.caseNo());
        done("zhangwei", filed.caseNo(), "Task_RecordNoticeDelivery",
                Map.of("noticeDeliveredOn", deliveredOn, "deliveryMethod", "DIRECT"));
        return filed;
    }

    /**
     * A filed {@code fine} 元 case of zhangwei and liqiang with {@code reviewGround} (a registration flag such as
     * majorPublicInterest; null for none), its review started: 提交拟处罚决定 waits for zhangwei.
     */
    public FiledCase caseUnderReview(int fine, String reviewGround) {
        var registration = ApiClient.citizenCase("zhangwei", "liqiang");
        registration.put("proposedDecision", Map.of("penalties", List.of(Map.of("kind", "FINE", "amount", fine))));
        if (reviewGround != null) {
            registration.put(reviewGround, true);
        }
        FiledCase filed = filedCase("zhangwei", registration);
        var review = api.post("zhangwei", "/api/cases/" + filed.id() + "/review", null);
        if (review.status() != 201) {
            throw new AssertionError("review not started: " + review.status() + " " + review.body());
        }
        return filed;
    }

    /**
     * A filed 30,000 元 fine case of zhangwei and liqiang (the party has hearing rights) whose party asked for a hearing:
     * zhaomin appoints chenjing, who holds it on {@code hearingDay} (after the notice period; the clock is set to that
     * day for the record and put back): the case waits in 撰写听证报告 (chenjing's), with 陈述申辩 open beside it.
     */
    public FiledCase caseAtHearingReport(String hearingDay) {
        FiledCase filed = caseNotified(30000, null, ApiClient.todayInChina());
        String caseNo = filed.caseNo();
        runJobs(caseNo);
        var request = api.post("zhangwei", "/api/cases/" + filed.id() + "/hearing-requests", Map.of("channel", "WRITTEN"));
        if (request.status() != 202) {
            throw new AssertionError("hearing not requested: " + request.status() + " " + request.body());
        }
        runJobs(caseNo);
        done("zhaomin", caseNo, "Task_AppointHost", Map.of("hearingHost", "chenjing"));
        done("chenjing", caseNo, "Task_ScheduleHearing",
                Map.of("hearingAt", hearingDay + "T09:30", "hearingPlace", "支队听证室", "hearingPublic", true));
        runJobs(caseNo);
        done("zhangwei", caseNo, "Task_RecordHearingNoticeService", Map.of("hearingNoticeServedOn",
                ApiClient.todayInChina(), "hearingNoticeServiceMethod", "DIRECT", "hearingNoticeReceiptNo", "SD-7"));
        // the hearing is recorded on its day, not before (#29)
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.LocalDate
                .parse(hearingDay).atTime(10, 0).atZone(org.lawflow.system.ChinaTime.ZONE).toInstant()));
        try {
            done("chenjing", caseNo, "Task_RecordHearing", Map.of("attendance", "PRESENT",
                    "investigatorStatement", "事实与证据", "partyDefence", "初次违法，经营困难", "crossExamination", "无异议",
                    "partySigned", true));
        } finally {
            TestClock.restore();
        }
        runJobs(caseNo);
        return filed;
    }

    /** wangfang approves the legal review with every check ticked and no suspected crime. */
    public void approveLegalReview(String caseNo, String reasons) {
        done("wangfang", caseNo, "Task_ReviewLegality", Map.of("checkSubject", true, "checkAuthority", true,
                "checkProcedure", true, "checkFacts", true, "checkLawApplied", true, "checkDiscretion", true,
                "checkDocuments", true, "suspectedCrime", false, "reviewOpinion", "APPROVE", "reviewReasons", reasons));
        runJobs(caseNo);
    }

    /** {@link #completeAs}, failing the test unless the engine accepted the completion. */
    public void done(String user, String caseNo, String taskKey, Map<String, Object> variables) {
        var response = completeAs(user, caseNo, taskKey, variables);
        if (response.status() != 200 && response.status() != 204) {
            throw new AssertionError("complete " + taskKey + " as " + user + ": " + response.status() + " "
                    + response.body());
        }
    }

    /**
     * Executes the async continuations (documents, packages, mail) of every flow of the case until none is left;
     * timers are left alone. A failing job fails the test with its exception.
     */
    public void runJobs(String caseNo) {
        for (int round = 0; round < 50; round++) {
            var jobs = new java.util.ArrayList<Job>();
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).list().forEach(pi -> jobs.addAll(
                    management.createJobQuery().processInstanceId(pi.getId()).messages().withRetriesLeft().list()));
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
        throw new AssertionError("jobs of " + caseNo + " do not settle");
    }

    /**
     * Claims (if unassigned) and completes the case's open task as {@code user} through the engine REST API, the
     * way Tasklist does; the completion's answer is returned, so a test can also check a rejection.
     */
    public ApiClient.Response completeAs(String user, String caseNo, String taskKey, Map<String, Object> variables) {
        Task task = task(caseNo, taskKey);
        if (task.getAssignee() == null) {
            var claim = api.exchange(user, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim",
                    Map.of("userId", user));
            if (claim.status() != 204) {
                throw new AssertionError("claim " + taskKey + " as " + user + ": " + claim.status() + " " + claim.body());
            }
        }
        Map<String, Object> typed = new java.util.HashMap<>();
        variables.forEach((k, v) -> typed.put(k, v instanceof Json j ? Map.of("value", j.text(), "type", "Json")
                : Map.of("value", v)));
        return api.exchange(user, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
                Map.of("variables", typed));
    }

    /** A Json variable as Tasklist submits a taglist or a dynamic list: the JSON text, type Json. */
    public record Json(String text) {
    }

    /** {@code Json} of a list: [{"attendee":"zhaomin","view":"同意"}] from ("zhaomin", "同意"); a list of strings as is. */
    public static Json json(Object list) {
        try {
            return new Json(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(list));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** 集体讨论's attendees and their views as its form submits them: the picked ids (Json) and a row per view. */
    public static Map<String, Object> discussion(String... attendeeAndView) {
        Map<String, Object> variables = new java.util.HashMap<>();
        var attendees = new java.util.ArrayList<String>();
        for (int i = 0; i + 1 < attendeeAndView.length; i += 2) {
            attendees.add(attendeeAndView[i]);
            variables.put("discussionAttendee" + (i / 2 + 1), attendeeAndView[i]);
            variables.put("discussionView" + (i / 2 + 1), attendeeAndView[i + 1]);
        }
        variables.put("discussionAttendees", json(attendees));
        return variables;
    }

    /** The single open task of the case with the given definition key. */
    public Task task(String caseNo, String taskDefinitionKey) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(taskDefinitionKey)
                .singleResult();
        if (task == null) {
            throw new AssertionError("no open task " + taskDefinitionKey + " for " + caseNo + "; open: "
                    + tasks.createTaskQuery().processInstanceBusinessKey(caseNo).list().stream()
                            .map(Task::getTaskDefinitionKey).toList());
        }
        return task;
    }
}
