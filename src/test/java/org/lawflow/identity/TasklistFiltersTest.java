package org.lawflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lawflow.ApiClient;
import org.lawflow.Flows;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Every task a person can work appears in the default Tasklist filter 我的待办 (issue #30): a group task (审批立案 for
 * the head) and a candidate-user task (等待或记录听证申请 for the case's officers), not only tasks assigned to them.
 */
@LawFlowSpringTest
class TasklistFiltersTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired FilterService filters;
    @Autowired IdentityService identity;

    @Test
    void myTasksIncludeGroupAndCandidateUserTasks() {
        var api = new ApiClient(rest);
        var registered = api.post("zhangwei", "/api/cases", ApiClient.citizenCase("liqiang"));
        String approval = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(registered.json().get("caseNo").asText()).singleResult().getId();
        assertThat(myTasks("zhaomin", List.of(Groups.AGENCY_HEAD))).as("the head's group task").contains(approval);
        assertThat(myTasks("wangfang", List.of(Groups.LEGAL_REVIEWER))).doesNotContain(approval);

        var flows = new Flows(api, engine);
        var filed = flows.filedCase("zhangwei", ApiClient.citizenCase("liqiang"));
        assertThat(api.post("zhangwei", "/api/cases/" + filed.id() + "/hearings",
                Map.of("noticeDeliveredOn", ApiClient.todayInChina())).status()).isEqualTo(201);
        Task await = flows.task(filed.caseNo(), "Task_AwaitHearingRequest");
        assertThat(engine.getTaskService().getIdentityLinksForTask(await.getId())).anyMatch(l -> "liqiang".equals(
                l.getUserId()));
        assertThat(myTasks("liqiang", List.of(Groups.OFFICER))).as("a candidate-user task").contains(await.getId());
        assertThat(myTasks("zhoujie", List.of(Groups.OFFICER))).doesNotContain(await.getId(), approval);
    }

    private List<String> myTasks(String user, List<String> groups) {
        String filter = filters.createFilterQuery().filterName("我的待办").singleResult().getId();
        var agencies = user.equals("zhoujie") ? List.of("haidong") : List.of("xining");
        identity.setAuthentication(user, groups, agencies);
        try {
            return filters.<Task>list(filter).stream().map(Task::getId).toList();
        } finally {
            identity.clearAuthentication();
        }
    }
}
