package org.lawflow.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;

import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Which group may do what in the engine (Tasklist, Cockpit, engine REST and /api alike). Tenant checks come on
 * top: whatever a grant allows, a user sees only instances, tasks and history of their own agency.
 * Discipline clues (纪检监察线索) are deliberately missing from the officers' and reviewers' grants.
 */
final class AccessPolicy {

    static final String CASE_FILING = "case-filing-approval";
    static final String MAJOR_DECISION_REVIEW = "major-decision-review";
    static final String HEARING_NOTICE = "hearing-notice";
    static final String CRIMINAL_TRANSFER = "criminal-case-transfer";
    static final String DISCIPLINE_TRANSFER = "discipline-clue-transfer";
    static final String PUBLICATION_WITHDRAWAL = "publication-withdrawal";
    static final String PENALTY_ENFORCEMENT = "penalty-enforcement";
    static final String CASE_FILE_EVALUATION = "case-file-evaluation";

    record Grant(String group, Resource resource, String resourceId, Permission... permissions) {
    }

    private static final List<String> PENALTY_FLOWS =
            List.of(CASE_FILING, MAJOR_DECISION_REVIEW, HEARING_NOTICE, CRIMINAL_TRANSFER, PUBLICATION_WITHDRAWAL,
                    PENALTY_ENFORCEMENT);

    static List<Grant> grants() {
        var grants = new java.util.ArrayList<Grant>();
        for (String group : List.of(Groups.OFFICER, Groups.LEGAL_REVIEWER, Groups.AGENCY_HEAD, Groups.HEARING_HOST,
                Groups.SUPERVISOR)) {
            grants.add(new Grant(group, Resources.APPLICATION, "tasklist", ACCESS));
            grants.add(new Grant(group, Resources.USER, "*", READ));
            grants.add(new Grant(group, Resources.GROUP, "*", READ));
            grants.add(new Grant(group, Resources.DECISION_DEFINITION, "*", READ, CREATE_INSTANCE));
            grants.add(new Grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ));
            grants.add(new Grant(group, Resources.PROCESS_INSTANCE, "*", CREATE));
        }
        for (String key : PENALTY_FLOWS) {
            grants.add(new Grant(Groups.OFFICER, Resources.PROCESS_DEFINITION, key,
                    READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY, READ_TASK));
            grants.add(new Grant(Groups.LEGAL_REVIEWER, Resources.PROCESS_DEFINITION, key,
                    READ, READ_INSTANCE, READ_HISTORY, READ_TASK));
            grants.add(new Grant(Groups.HEARING_HOST, Resources.PROCESS_DEFINITION, key,
                    READ, READ_INSTANCE, READ_HISTORY, READ_TASK));
        }
        for (String key : List.of(CASE_FILING, MAJOR_DECISION_REVIEW, HEARING_NOTICE, CRIMINAL_TRANSFER,
                DISCIPLINE_TRANSFER, PUBLICATION_WITHDRAWAL, PENALTY_ENFORCEMENT)) {
            grants.add(new Grant(Groups.AGENCY_HEAD, Resources.PROCESS_DEFINITION, key,
                    READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY, READ_TASK));
        }
        // 案卷评查: supervisors start and work it (their grant on "*" below); heads approve the bulletin; officers find
        // the rectification of their own cases in Tasklist (read within the agency, work only their own task)
        grants.add(new Grant(Groups.AGENCY_HEAD, Resources.PROCESS_DEFINITION, CASE_FILE_EVALUATION,
                READ, READ_INSTANCE, READ_HISTORY, READ_TASK));
        grants.add(new Grant(Groups.OFFICER, Resources.PROCESS_DEFINITION, CASE_FILE_EVALUATION, READ, READ_TASK));
        // Supervisors and heads watch in Cockpit, limited to their agency by the tenant check.
        for (String group : List.of(Groups.SUPERVISOR, Groups.AGENCY_HEAD)) {
            grants.add(new Grant(group, Resources.APPLICATION, "cockpit", ACCESS));
            grants.add(new Grant(group, Resources.DEPLOYMENT, "*", READ));
            grants.add(new Grant(group, Resources.DECISION_DEFINITION, "*", READ_HISTORY));
        }
        // RETRY_JOB: a supervisor resolves a failed-job incident (mail server was down) with Cockpit's "Increment
        // retries" once the cause is gone (SlowSmtpTest); own agency only, by the tenant check.
        grants.add(new Grant(Groups.SUPERVISOR, Resources.PROCESS_DEFINITION, "*",
                READ, READ_INSTANCE, READ_HISTORY, CREATE_INSTANCE, READ_TASK, ProcessDefinitionPermissions.RETRY_JOB));
        grants.add(new Grant(Groups.SUPERVISOR, Resources.PROCESS_INSTANCE, "*", READ));
        grants.add(new Grant(Groups.SUPERVISOR, Resources.TASK, "*", READ));
        // System administrators keep users, groups, agencies (tenants) and authorizations in the Admin app and see
        // the engine in Cockpit. Case data is not granted here: camunda-admin is the engine's admin group anyway.
        grants.add(new Grant(Groups.ADMIN, Resources.APPLICATION, "admin", ACCESS));
        grants.add(new Grant(Groups.ADMIN, Resources.APPLICATION, "cockpit", ACCESS));
        for (Resource identity : List.of(Resources.USER, Resources.GROUP, Resources.GROUP_MEMBERSHIP, Resources.TENANT,
                Resources.TENANT_MEMBERSHIP, Resources.AUTHORIZATION, Resources.SYSTEM)) {
            grants.add(new Grant(Groups.ADMIN, identity, "*", ALL));
        }
        return grants;
    }

    private AccessPolicy() {
    }
}
