package org.lawflow.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.lawflow.agency.AgencyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates what every installation needs, idempotently on each start: the contract's groups, one tenant per
 * agency, the group authorizations of {@link AccessPolicy} and the shared Tasklist filters.
 */
@Component
class IdentityBootstrap {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final AgencyRepository agencies;

    IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService, AgencyRepository agencies) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.agencies = agencies;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    void bootstrap() {
        Groups.NAMES.forEach(this::ensureGroup);
        agencies.findAll().forEach(agency -> {
            if (identityService.createTenantQuery().tenantId(agency.id()).count() == 0) {
                var tenant = identityService.newTenant(agency.id());
                tenant.setName(agency.name());
                identityService.saveTenant(tenant);
            }
        });
        AccessPolicy.grants().forEach(this::ensureGrant);
        ensureFilters();
        log.info("Identity ready: {} groups, {} agencies, {} grants", Groups.NAMES.size(), agencies.findAll().size(),
                AccessPolicy.grants().size());
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            var group = identityService.newGroup(id);
            group.setName(name);
            group.setType(Groups.ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    void ensureGrant(AccessPolicy.Grant grant) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(grant.group()).resourceType(grant.resource()).resourceId(grant.resourceId())
                .singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.group());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        Arrays.stream(grant.permissions()).forEach(authorization::addPermission);
        authorizationService.saveAuthorization(authorization);
    }

    /**
     * Tasklist filters shared by all staff: 我的待办 (assigned to me, or offered to me as a candidate user or through
     * one of my groups: every task a person can work appears in the default filter), 本组待办 (my groups' tasks), 即将到期
     * (due within 3 days or overdue).
     */
    private void ensureFilters() {
        ensureFilter("我的待办", -10, "分配给我或我可以办理的任务",
                taskService.createTaskQuery().or()
                        .taskAssigneeExpression("${currentUser()}")
                        .taskCandidateUserExpression("${currentUser()}")
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .endOr());
        ensureFilter("本组待办", -5, "本人所在岗位可认领的任务",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
        ensureFilter("即将到期", 0, "三日内到期或已逾期的法定期限任务",
                taskService.createTaskQuery().or()
                        .taskAssigneeExpression("${currentUser()}")
                        .taskCandidateUserExpression("${currentUser()}")
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .endOr()
                        .dueBeforeExpression("${dateTime().plusDays(3)}")
                        .orderByDueDate().asc());
    }

    private void ensureFilter(String name, int priority, String description, TaskQuery query) {
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
