package org.lawflow.identity;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.lawflow.identity.AccessPolicy.Grant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The operations role: the system operators of group {@code camunda-admin} (DESIGN.md) see in Cockpit and the engine
 * REST API the process definitions, deployments and decisions, and the instances, tasks, incidents (with the failed
 * job's stack trace) and jobs of every agency, and put a failed job back to work ("Increment retries", which resolves
 * its incident). Nothing else that changes a case: no variable edits, no suspension, no cancellation, no instance
 * modification, no deleted deployments.
 * <p>
 * Every agency: Camunda skips the tenant check for members of its admin groups, and {@code camunda-admin} always is
 * one ({@code ProcessEngineConfigurationImpl#initAdminGroups}, {@code TenantManager#isTenantCheckEnabled}); what the
 * operators lacked were these grants (they saw no definition at all).
 * <p>
 * Discipline clues (纪检监察线索) stay secret from the operators as from officers: the instance grants cover every
 * deployed process except {@code discipline-clue-transfer} (the system's own timer flows included, which are the
 * likeliest to fail unseen), so a clue's failed mail is retried by the agency's supervisor. Variables: operators read
 * the variables of the instances they see (Camunda 7 reads them with the instance unless the engine-wide
 * {@code enforceSpecificVariablePermission} is on, which would change every group's grants and every task's
 * authorization), and they administer the authorizations themselves, so withholding them from this group would be no
 * boundary; they never change them.
 * <p>
 * Group grants, created on every start after the processes are deployed, adding only what is missing: the
 * production administrator ({@link ProductionAdmin}, in {@code camunda-admin}) gets exactly what the demo user
 * {@code admin} gets, and a process added in a later release is covered at the next start.
 */
@Component
class OperatorAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(OperatorAuthorizations.class);
    static final String OPERATORS = Groups.ADMIN;

    private final RepositoryService repositoryService;
    private final IdentityBootstrap identity;

    OperatorAuthorizations(RepositoryService repositoryService, IdentityBootstrap identity) {
        this.repositoryService = repositoryService;
        this.identity = identity;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(15)
    void ensureGrants() {
        List<String> keys = operatedProcesses();
        grants(keys).forEach(identity::ensureGrant);
        log.info("Operators ({}) see every agency's instances of {}", OPERATORS, keys);
    }

    /** Keys of all deployed processes except the secret discipline clue transfer. */
    List<String> operatedProcesses() {
        var keys = new TreeSet<String>();
        repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).forEach(keys::add);
        keys.remove(AccessPolicy.DISCIPLINE_TRANSFER);
        return List.copyOf(keys);
    }

    static List<Grant> grants(Collection<String> processKeys) {
        var grants = new ArrayList<Grant>();
        // every definition and its diagram and job definitions; retrying needs the job's id, which only an instance
        // the operator may read reveals
        grants.add(new Grant(OPERATORS, Resources.PROCESS_DEFINITION, "*", READ, ProcessDefinitionPermissions.RETRY_JOB));
        for (String key : processKeys) {
            grants.add(new Grant(OPERATORS, Resources.PROCESS_DEFINITION, key, READ_INSTANCE, READ_HISTORY, READ_TASK));
        }
        grants.add(new Grant(OPERATORS, Resources.DEPLOYMENT, "*", READ));
        grants.add(new Grant(OPERATORS, Resources.DECISION_DEFINITION, "*", READ));
        grants.add(new Grant(OPERATORS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ));
        return grants;
    }
}
