package org.lawflow.desk;

import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.Cases;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.identity.LawFlowUser;
import org.lawflow.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Which case a user may open on the desk, by the same rules as /api: a case of the user's own agency (others: 404,
 * as if it did not exist); from a task only when the engine lets the user see that task (its authorizations and
 * tenant check, run as the user) and the task belongs to the case; a discipline clue's task only for the head and
 * the supervisor (403). Runs with the user as the engine's authenticated user.
 */
@Component
class DossierAccess {

    private final TaskService taskService;
    private final Cases cases;

    DossierAccess(TaskService taskService, Cases cases) {
        this.taskService = taskService;
        this.cases = cases;
    }

    /** The case of a task the user can see. */
    EnforcementCase forTask(LawFlowUser user, String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getTenantId() == null || !user.canSee(task.getTenantId())) {
            throw new NotFoundException("任务不存在或无权查看：" + taskId);
        }
        if (task.getProcessDefinitionId() != null
                && task.getProcessDefinitionId().startsWith(CaseFlows.DISCIPLINE_CLUE_TRANSFER + ":")
                && !user.maySeeClues()) {
            throw new AuthorizationException("仅机构负责人和监督管理人员可查看纪检监察线索");
        }
        Object caseId = taskService.getVariable(taskId, CaseFlows.VAR_CASE_ID);
        if (!(caseId instanceof String id)) {
            throw new NotFoundException("任务不属于任何案件：" + taskId);
        }
        return cases.findById(UUID.fromString(id)).filter(c -> user.canSee(c.agencyId()))
                .orElseThrow(() -> new NotFoundException("案件不存在：" + id));
    }

    /** The case with that number in one of the user's agencies. */
    EnforcementCase forCaseNo(LawFlowUser user, String caseNo) {
        for (String agency : user.agencies()) {
            var found = cases.findByCaseNo(agency, caseNo);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new NotFoundException("案件不存在：" + caseNo);
    }

    /** The case of the task, which must be the case {@code caseNo}; without a task, the case by its number. */
    EnforcementCase forPage(LawFlowUser user, String caseNo, String taskId) {
        if (taskId == null || taskId.isBlank()) {
            return forCaseNo(user, caseNo);
        }
        EnforcementCase c = forTask(user, taskId);
        if (!c.caseNo().equals(caseNo)) {
            throw new NotFoundException("任务不属于案件：" + caseNo);
        }
        return c;
    }
}
