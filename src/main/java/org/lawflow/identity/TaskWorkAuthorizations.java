package org.lawflow.identity;

import java.util.Arrays;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.springframework.stereotype.Component;

/**
 * The authorization Camunda writes for each task's assignee, owner, candidate user and candidate group grants only
 * the permission to work on that task, not READ.
 * <p>
 * Why: Camunda's default gives every one of them READ on the single task too. Every authorization-checked task
 * query (Tasklist, engine REST, the case view) then joins the user's task authorizations against the tasks with an
 * OR condition that PostgreSQL can only run as a nested loop: one legal reviewer's task list with 10,000 open review
 * tasks took 3.4 s per page instead of about 20 ms (BENCHMARKS-taskquery.md, 2026-12-06). LawFlow grants reading
 * per process definition instead ({@code READ_TASK} in {@link AccessPolicy}, within the agency by the tenant
 * check), so the per-task READ added nothing: every group that is assignee or candidate of a task already reads
 * the tasks of that process. What stays per task is the least privilege that matters: only the task's own
 * assignee and candidates may claim and complete it.
 * <p>
 * Authorizations written before this provider (and any an administrator enters in Admin) keep their READ; nothing
 * here rewrites existing rows.
 */
@Component
class TaskWorkAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new WorkOnlyTaskAuthorizationProvider());
    }

    /** Camunda's default provider, less READ in the permissions it gives a task's people. */
    static final class WorkOnlyTaskAuthorizationProvider extends DefaultAuthorizationProvider {

        @Override
        protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
            return Arrays.stream(super.getRuntimePermissions(enforceSpecificVariablePermission))
                    .filter(permission -> permission.getValue() != Permissions.READ.getValue())
                    .toArray(Permission[]::new);
        }
    }
}
