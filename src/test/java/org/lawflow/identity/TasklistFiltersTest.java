package org.lawflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.calendar.StatutoryDeadlines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Nobody's work is hidden (issue #30, item 6): for every user task of every deployed model, a task created for it on a
 * xining case appears in at least one default Tasklist filter of every person who may work it (its assignee, its
 * candidate users, the members of its candidate groups in the agency), listed through {@link FilterService} as that
 * person; 我的待办 holds group and candidate-user tasks (等待或记录听证申请 for the case's officers); 即将到期 counts
 * working days.
 */
@LawFlowSpringTest
class TasklistFiltersTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired FilterService filters;
    @Autowired IdentityService identity;
    @Autowired StatutoryDeadlines deadlines;

    @Test
    void everyUserTaskOfEveryModelIsInADefaultFilterOfEachPersonWhoMayWorkIt() {
        var api = new ApiClient(rest);
        var filed = new Flows(api, engine).filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        String today = ApiClient.todayInChina();
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", filed.id());
        variables.put("caseNo", filed.caseNo());
        variables.put("agencyId", "xining");
        variables.put("leadOfficer", "zhangwei");
        variables.put("caseOfficers", List.of("zhangwei", "liqiang"));
        variables.put("transferTeam", List.of("zhangwei", "liqiang"));
        variables.put("hearingHost", "chenjing");
        variables.put("cadreLevel", "OTHER");
        variables.put("hearingRequestDeadline", deadlines.workdaysAfter(today, 5));
        // the case-file evaluation's multi-instance steps run once per sampled / failed case
        variables.put("sampledCases", new java.util.ArrayList<>(List.of(filed.id())));
        variables.put("failedCases", new java.util.ArrayList<>(List.of(filed.id())));
        for (String day : List.of("filedOn", "discoveredOn", "filingNoticeOn", "hearingAt", "decidedOn",
                "noticeDeliveredOn", "reportSubmittedOn", "changedOn", "servedOn")) {
            variables.put(day, today);
        }

        Map<String, Set<String>> seenBy = new LinkedHashMap<>();
        int userTasks = 0;
        for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery()
                .latestVersion().list()) {
            var model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
            for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
                userTasks++;
                String label = definition.getKey() + " / " + userTask.getName();
                var instance = startBefore(definition, userTask, filed.caseNo(), variables);
                Task task = task(instance, userTask);
                if (task == null) {
                    // a decision (decidedOn) ends the 90-day limit's extension subprocess at once: start it undecided
                    engine.getRuntimeService().deleteProcessInstanceIfExists(instance.getId(), "test", true, true, true,
                            false);
                    Map<String, Object> undecided = new HashMap<>(variables);
                    undecided.remove("decidedOn");
                    instance = startBefore(definition, userTask, filed.caseNo(), undecided);
                    task = task(instance, userTask);
                }
                assertThat(task).as(label).isNotNull();
                Set<String> workers = workers(task);
                assertThat(workers).as(label + ": someone may work it").isNotEmpty();
                for (String user : workers) {
                    assertThat(inDefaultFilters(user, task.getId())).as(label + " for " + user).isNotEmpty();
                    seenBy.computeIfAbsent(userTask.getName(), k -> new LinkedHashSet<>()).add(user);
                }
                engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test", true, true);
            }
        }
        assertThat(userTasks).as("the deployed models' user tasks").isGreaterThanOrEqualTo(30);
        assertThat(seenBy.get("等待或记录听证申请")).as("the candidate-user task").contains("zhangwei", "liqiang");
        assertThat(seenBy.get("审批立案")).contains("zhaomin", "qianlei");
    }

    private org.camunda.bpm.engine.runtime.ProcessInstance startBefore(ProcessDefinition definition, UserTask userTask,
            String caseNo, Map<String, Object> variables) {
        return engine.getRuntimeService().createProcessInstanceById(definition.getId()).businessKey(caseNo)
                .setVariables(variables).startBeforeActivity(userTask.getId()).execute(true, true);
    }

    private Task task(org.camunda.bpm.engine.runtime.ProcessInstance instance, UserTask userTask) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(userTask.getId()).singleResult();
    }

    @Test
    void myTasksIncludeGroupAndCandidateUserTasks() {
        var api = new ApiClient(rest);
        var registered = api.post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        String approval = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(registered.json().get("caseNo").asText()).singleResult().getId();
        assertThat(list("zhaomin", TasklistFilters.MY_TASKS)).as("the head's group task").contains(approval);
        assertThat(list("wangfang", TasklistFilters.MY_TASKS)).doesNotContain(approval);

        var flows = new Flows(api, engine);
        var filed = flows.filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/hearings",
                Map.of("noticeDeliveredOn", ApiClient.todayInChina())).status()).isEqualTo(201);
        Task await = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(filed.caseNo())
                .taskName("等待或记录听证申请").singleResult();
        assertThat(engine.getTaskService().getIdentityLinksForTask(await.getId())).anyMatch(l -> "liqiang".equals(
                l.getUserId()));
        assertThat(list("liqiang", TasklistFilters.MY_TASKS)).as("a candidate-user task").contains(await.getId());
        assertThat(list("zhangwei", TasklistFilters.MY_TASKS)).contains(await.getId());
        assertThat(list("zhoujie", TasklistFilters.MY_TASKS)).doesNotContain(await.getId(), approval);

        // as Tasklist asks: the engine REST API with the user's own login and Tasklist's sorting
        String myTasks = filters.createFilterQuery().filterName(TasklistFilters.MY_TASKS).singleResult().getId();
        var listed = api.post("liqiang", "/engine-rest/filter/" + myTasks + "/list?firstResult=0&maxResults=200",
                Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().findValuesAsText("id")).contains(await.getId());
        for (String filter : TasklistFilters.NAMES) {
            String id = filters.createFilterQuery().filterName(filter).singleResult().getId();
            assertThat(api.get("zhaomin", "/engine-rest/filter/" + id + "/count").status()).as(filter).isEqualTo(200);
        }
    }

    /** 即将到期: due by the end of the second working day (lawflow.tasks.due-soon-workdays) or overdue; not later. */
    @Test
    void dueSoonCountsWorkingDays() {
        var api = new ApiClient(rest);
        var registered = api.post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        Task approval = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(registered.json().get("caseNo").asText()).singleResult();
        LocalDate today = LocalDate.parse(ApiClient.todayInChina());
        var tasks = engine.getTaskService();

        tasks.setDueDate(approval.getId(), deadlines.workdaysAfter(today, 2));
        assertThat(list("zhaomin", TasklistFilters.DUE_SOON)).contains(approval.getId());
        tasks.setDueDate(approval.getId(), new Date(deadlines.workdaysAfter(today, 2).getTime() + 1000));
        assertThat(list("zhaomin", TasklistFilters.DUE_SOON)).as("the third working day").doesNotContain(
                approval.getId());
        tasks.setDueDate(approval.getId(), deadlines.workdaysAfter(today.minusDays(20), 1));
        assertThat(list("zhaomin", TasklistFilters.DUE_SOON)).as("overdue").contains(approval.getId());
        assertThat(list("wangfang", TasklistFilters.DUE_SOON)).doesNotContain(approval.getId());
        assertThat(filters.createFilterQuery().filterName(TasklistFilters.DUE_SOON).singleResult().getProperties()
                .get("description")).isEqualTo("2个工作日内到期或已逾期的本人任务");
    }

    /** Whoever may work the task: assignee, candidate users, members of candidate groups in the task's agency. */
    private Set<String> workers(Task task) {
        Set<String> users = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            users.add(task.getAssignee());
        }
        for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                users.add(link.getUserId());
            } else {
                identity.createUserQuery().memberOfGroup(link.getGroupId()).memberOfTenant(task.getTenantId()).list()
                        .forEach(u -> users.add(u.getId()));
            }
        }
        return users;
    }

    /** The default filters in which the user finds the task. */
    private List<String> inDefaultFilters(String user, String taskId) {
        List<String> found = new ArrayList<>();
        for (String filter : TasklistFilters.NAMES) {
            if (list(user, filter).contains(taskId)) {
                found.add(filter);
            }
        }
        return found;
    }

    private List<String> list(String user, String filterName) {
        String filter = filters.createFilterQuery().filterName(filterName).singleResult().getId();
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        List<String> agencies = identity.createTenantQuery().userMember(user).list().stream()
                .map(org.camunda.bpm.engine.identity.Tenant::getId).toList();
        identity.setAuthentication(user, groups, agencies);
        try {
            return filters.<Task>list(filter).stream().map(Task::getId).toList();
        } finally {
            identity.clearAuthentication();
        }
    }
}
