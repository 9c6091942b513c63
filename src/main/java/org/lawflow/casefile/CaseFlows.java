package org.lawflow.casefile;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.lawflow.identity.LawFlowUser;
import org.lawflow.identity.UserNames;
import org.lawflow.system.ChinaTime;
import org.springframework.stereotype.Component;

/**
 * Starts the flows of a case (business key = 案号, tenant = the case's agency) and lists them with their open
 * tasks and due dates. Queries run as the current engine user, so authorizations hide what a role may not see
 * (e.g. discipline clues from officers).
 */
@Component
public class CaseFlows {

    public static final String CASE_FILING = "case-filing-approval";
    /** The flow whose every trace only the agency head and the supervisor see ({@link LawFlowUser#maySeeClues()}). */
    public static final String DISCIPLINE_CLUE_TRANSFER = "discipline-clue-transfer";
    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_CASE_NO = "caseNo";
    public static final String VAR_CASE_CAUSE = "caseCause";
    public static final String VAR_AGENCY_ID = "agencyId";

    public record Flow(String processInstanceId, String processKey, String processName, OffsetDateTime startedAt,
            OffsetDateTime endedAt, String state) {
    }

    /**
     * An open task with who holds it in words: {@code holder} is the assignee's name (陈静), or, for a group task
     * nobody claimed yet, 待认领：the group and its members in the case's agency (待认领：法制审核员（王芳）).
     */
    public record OpenTask(String id, String name, String taskKey, String processKey, String assignee,
            OffsetDateTime created, OffsetDateTime due, boolean overdue, String holder) {
    }

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final CaseRepository cases;
    private final UserNames names;

    CaseFlows(RuntimeService runtimeService, HistoryService historyService, TaskService taskService,
            RepositoryService repositoryService, CaseRepository cases, UserNames names) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.cases = cases;
        this.names = names;
    }

    /**
     * Call first in the transaction that starts a flow: locks the case row until commit and returns the case as it
     * is now. Concurrent starts of the same case then run one after another, and each "already running?" check
     * sees the flow the one before committed: one start, the others 409 (a check without the lock let eight
     * parallel requests start eight reviews and mail eight notices).
     */
    public EnforcementCase lockForStart(EnforcementCase c) {
        cases.lock(c.id());
        return cases.findById(c.id()).orElseThrow();
    }

    /** Whether another instance of the flow than {@code exceptInstanceId} runs for the case. */
    public boolean isRunningOther(String processKey, EnforcementCase c, String exceptInstanceId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(c.caseNo()).tenantIdIn(c.agencyId()).list().stream()
                .anyMatch(p -> !p.getId().equals(exceptInstanceId));
    }

    /** The variables every flow of a case carries: ids for lookups, number and cause for Tasklist lists. */
    public static Map<String, Object> caseVariables(EnforcementCase c) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CASE_ID, c.id().toString());
        variables.put(VAR_CASE_NO, c.caseNo());
        variables.put(VAR_CASE_CAUSE, c.cause());
        variables.put(VAR_AGENCY_ID, c.agencyId());
        return variables;
    }

    public ProcessInstance start(String processKey, EnforcementCase c, Map<String, Object> extra) {
        Map<String, Object> variables = caseVariables(c);
        variables.putAll(extra);
        return runtimeService.createProcessInstanceByKey(processKey)
                .businessKey(c.caseNo())
                .setVariables(variables)
                .execute();
    }

    public boolean isRunning(String processKey, EnforcementCase c) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(c.caseNo()).tenantIdIn(c.agencyId()).count() > 0;
    }

    /**
     * Deletes the case's running flows (with the flows they called) except the instance {@code keep} and the
     * procedures that outlive the case; returns the names of those ended. Runs inside the caller's engine command.
     */
    List<String> end(EnforcementCase c, String keep, Set<String> outliving, String reason) {
        var ended = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(c.caseNo())
                .tenantIdIn(c.agencyId()).rootProcessInstances().list().stream()
                .filter(pi -> !pi.getId().equals(keep) && !outliving.contains(processKeyOf(pi.getProcessDefinitionId())))
                .toList();
        if (!ended.isEmpty()) {
            // no custom end listeners: the flows are cut off, none of their own closing steps applies
            runtimeService.deleteProcessInstances(ended.stream().map(ProcessInstance::getId).toList(), reason, true,
                    true, false);
        }
        return ended.stream().map(pi -> processName(pi.getProcessDefinitionId())).toList();
    }

    public static boolean isClueFlow(DelegateExecution execution) {
        return DISCIPLINE_CLUE_TRANSFER.equals(processKeyOf(execution.getProcessDefinitionId()));
    }

    /** The case's flows the user may see: the engine's authorizations, and never a discipline clue for others. */
    public List<Flow> flows(EnforcementCase c, LawFlowUser user) {
        return flows(c).stream().filter(f -> user.maySeeClues() || !DISCIPLINE_CLUE_TRANSFER.equals(f.processKey()))
                .toList();
    }

    /** The case's open tasks the user may see, as {@link #flows(EnforcementCase, LawFlowUser)}. */
    public List<OpenTask> openTasks(EnforcementCase c, LawFlowUser user) {
        return openTasks(c).stream().filter(t -> user.maySeeClues() || !DISCIPLINE_CLUE_TRANSFER.equals(t.processKey()))
                .toList();
    }

    public List<Flow> flows(EnforcementCase c) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(c.caseNo())
                .tenantIdIn(c.agencyId()).orderByProcessInstanceStartTime().asc().list().stream()
                .map(h -> new Flow(h.getId(), h.getProcessDefinitionKey(), processName(h.getProcessDefinitionId()),
                        toChina(h.getStartTime()), toChina(h.getEndTime()), h.getState()))
                .toList();
    }

    public List<OpenTask> openTasks(EnforcementCase c) {
        Date now = ChinaTime.nowDate();
        return taskService.createTaskQuery().processInstanceBusinessKey(c.caseNo()).tenantIdIn(c.agencyId())
                .orderByTaskCreateTime().asc().list().stream()
                .map(t -> new OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(),
                        processKeyOf(t.getProcessDefinitionId()), t.getAssignee(), toChina(t.getCreateTime()),
                        toChina(t.getDueDate()), t.getDueDate() != null && t.getDueDate().before(now),
                        holder(t, c.agencyId())))
                .toList();
    }

    /** 陈静; or 待认领：法制审核员（王芳）; candidate users by name. */
    private String holder(Task task, String agencyId) {
        if (task.getAssignee() != null) {
            return names.of(task.getAssignee());
        }
        List<String> candidates = new ArrayList<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getGroupId() != null) {
                List<String> members = names.membersOf(link.getGroupId(), agencyId);
                candidates.add(UserNames.groupName(link.getGroupId())
                        + (members.isEmpty() ? "" : "（" + String.join("、", members) + "）"));
            } else if (link.getUserId() != null) {
                candidates.add(names.of(link.getUserId()));
            }
        }
        return candidates.isEmpty() ? "未指定办理人" : "待认领：" + String.join("；", candidates);
    }

    private String processName(String definitionId) {
        var definition = repositoryService.getProcessDefinition(definitionId);
        return definition.getName() == null ? definition.getKey() : definition.getName();
    }

    private static String processKeyOf(String definitionId) {
        return definitionId == null ? null : definitionId.substring(0, definitionId.indexOf(':'));
    }

    static OffsetDateTime toChina(Date date) {
        return date == null ? null : date.toInstant().atZone(ChinaTime.ZONE).toOffsetDateTime();
    }
}
