package org.lawflow.identity;

import java.util.Arrays;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.lawflow.agency.AgencyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates what every installation needs, idempotently on each start: the contract's groups, one tenant per
 * agency and the group authorizations of {@link AccessPolicy}. (The Tasklist filters: {@link TasklistFilters}.)
 */
@Component
class IdentityBootstrap {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final AgencyRepository agencies;

    IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService,
            AgencyRepository agencies) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
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
}
