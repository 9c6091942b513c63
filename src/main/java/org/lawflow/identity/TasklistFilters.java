package org.lawflow.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every member of staff reads, saved anew on each start (so a changed setting applies after a
 * restart): 我的待办 — every task I may work: assigned to me, or offered to me as a candidate user (等待或记录听证申请
 * for the case's officers) or through one of my groups (审批立案 for the heads), so a person's default filter shows
 * all their work; 本组待办 — the tasks offered to me or my groups, also those a colleague has claimed (a 专案组
 * member sees the team's report task held by the lead officer); 即将到期 — my tasks (as in 我的待办) due by the end
 * of the {@code lawflow.tasks.due-soon-workdays}-th working day (default 2, bean {@code dueSoon}) or already
 * overdue, earliest first. The engine evaluates the expressions for the user who opens the filter; tenants and task
 * authorizations still decide what is listed.
 */
@Component
class TasklistFilters {

    static final String MY_TASKS = "我的待办";
    static final String GROUP_TASKS = "本组待办";
    static final String DUE_SOON = "即将到期";
    static final List<String> NAMES = List.of(MY_TASKS, GROUP_TASKS, DUE_SOON);

    private final FilterService filterService;
    private final AuthorizationService authorizationService;
    private final TaskService taskService;
    private final int dueSoonWorkdays;

    TasklistFilters(FilterService filterService, AuthorizationService authorizationService, TaskService taskService,
            @Value("${lawflow.tasks.due-soon-workdays:2}") int dueSoonWorkdays) {
        this.filterService = filterService;
        this.authorizationService = authorizationService;
        this.taskService = taskService;
        this.dueSoonWorkdays = dueSoonWorkdays;
    }

    /** After the groups exist (IdentityBootstrap, order 10): each group may read each filter. */
    @EventListener(ApplicationStartedEvent.class)
    @Order(15)
    void ensureFilters() {
        ensure(MY_TASKS, -10, "分配给我或我可以办理的任务（含候选人、本人所在岗位的任务）", mine());
        ensure(GROUP_TASKS, -5, "本人所在岗位或专案组的任务，含已由同事签收的",
                taskService.createTaskQuery().or()
                        .taskCandidateUserExpression("${currentUser()}")
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks()
                        .endOr());
        ensure(DUE_SOON, 0, dueSoonWorkdays + "个工作日内到期或已逾期的本人任务",
                mine().dueBeforeExpression("${dueSoon.before()}").orderByDueDate().asc());
    }

    private TaskQuery mine() {
        return taskService.createTaskQuery().or()
                .taskAssigneeExpression("${currentUser()}")
                .taskCandidateUserExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .endOr();
    }

    private void ensure(String name, int priority, String description, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name);
        }
        filter.setQuery(query);
        filter.setProperties(Map.of(
                "priority", priority,
                "description", description,
                "refresh", true,
                "variables", List.of(
                        Map.of("name", "caseNo", "label", "案号"),
                        Map.of("name", "caseCause", "label", "案由"))));
        filterService.saveFilter(filter);
        for (String group : Groups.NAMES.keySet()) {
            boolean granted = authorizationService.createAuthorizationQuery().groupIdIn(group)
                    .resourceType(Resources.FILTER).resourceId(filter.getId()).count() > 0;
            if (!granted) {
                Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                read.setGroupId(group);
                read.setResource(Resources.FILTER);
                read.setResourceId(filter.getId());
                read.addPermission(Permissions.READ);
                authorizationService.saveAuthorization(read);
            }
        }
    }
}
