package org.lawflow.monitor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.identity.EngineAuthentication;
import org.lawflow.identity.LawFlowUser;
import org.springframework.stereotype.Component;

/**
 * The statutory deadlines of the user tasks, per agency: open tasks that are overdue or due within
 * {@link DueSoon} (2 working days) (and the other open ones with a due date), and tasks completed after their due date (met late) in the last
 * 90 days. Queries run as the given user, so Camunda's tenant check and authorizations decide what is listed
 * (an officer never sees a discipline clue; a user of one agency nothing of another).
 */
@Component
class DeadlineBoard {

    enum Status {
        OVERDUE("已逾期"), DUE_SOON("即将到期"), OPEN("期限内"), MET_LATE("逾期办结");

        final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    record Item(Status status, String statusLabel, String taskId, String taskName, String taskKey, String flow,
            String flowName, String caseNo, String agency, String assignee, Date due, Date completed, String period,
            String basis) {
    }

    /**
     * {@code items}: every overdue, due-soon and recently met-late task, and the {@link #OPEN_SHOWN} earliest of the
     * {@code openTotal} tasks whose deadline is further away (a province has thousands; they need no attention yet).
     */
    record Board(List<String> agencies, Date generatedAt, Date dueSoonUntil, List<Item> items, long openTotal) {
        long count(Status status) {
            return items.stream().filter(i -> i.status() == status).count();
        }
    }

    /** Due dates that are not {@code deadlines.due('PERIOD', …)} but a variable the flow computed from a period. */
    private static final Map<String, StatutoryPeriod> DEADLINE_VARIABLES = Map.of(
            "hearingRequestDeadline", StatutoryPeriod.HEARING_REQUEST);
    private static final Pattern DUE_PERIOD = Pattern.compile("due\\('(\\w+)'");
    private static final Pattern WORKDAYS_AFTER = Pattern.compile("workdaysAfter\\([^,]+,\\s*(\\d+)\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}");
    static final int MET_LATE_DAYS = 90;
    /** Not-yet-due tasks listed on the board; the rest are only counted. */
    static final int OPEN_SHOWN = 100;

    private final ProcessEngine engine;
    private final EngineAuthentication engineAuthentication;
    private final Map<String, String[]> bases = new ConcurrentHashMap<>();
    private final Map<String, ProcessDefinition> definitions = new ConcurrentHashMap<>();

    private final DueSoon dueSoon;

    DeadlineBoard(ProcessEngine engine, EngineAuthentication engineAuthentication, DueSoon dueSoon) {
        this.engine = engine;
        this.engineAuthentication = engineAuthentication;
        this.dueSoon = dueSoon;
    }

    Board board(LawFlowUser user, String flow, String officer) {
        Date now = ClockUtil.getCurrentTime();
        Date dueSoon = dueSoonUntil(now);
        // overdue and due soon: all of them; later deadlines: counted, and only the earliest listed
        OpenTasks openTasks = engineAuthentication.asUser(user, () -> {
            List<Task> listed = new ArrayList<>(openTaskQuery(flow, officer).dueBefore(new Date(dueSoon.getTime() + 1))
                    .orderByDueDate().asc().list());
            var later = openTaskQuery(flow, officer).dueAfter(dueSoon);
            long laterTotal = later.count();
            listed.addAll(later.orderByDueDate().asc().listPage(0, OPEN_SHOWN));
            return new OpenTasks(listed, laterTotal);
        });
        List<Task> open = openTasks.listed();
        Date since = new Date(now.getTime() - MET_LATE_DAYS * 86_400_000L);
        List<HistoricTaskInstance> finished = engineAuthentication.asUser(user, () -> {
            var query = engine.getHistoryService().createHistoricTaskInstanceQuery().finished()
                    .taskDueAfter(new Date(0)).finishedAfter(since);
            if (flow != null && !flow.isBlank()) {
                query.processDefinitionKey(flow);
            }
            if (officer != null && !officer.isBlank()) {
                query.taskAssignee(officer);
            }
            return query.list().stream().filter(t -> t.getEndTime() != null && t.getDueDate() != null
                    && t.getEndTime().after(t.getDueDate()) && t.getDeleteReason() != null
                    && t.getDeleteReason().equals("completed")).toList();
        });
        Set<String> instanceIds = new java.util.HashSet<>();
        open.forEach(t -> instanceIds.add(t.getProcessInstanceId()));
        finished.forEach(t -> instanceIds.add(t.getProcessInstanceId()));
        instanceIds.remove(null);
        Map<String, String> businessKeys = businessKeys(instanceIds);

        List<Item> items = new ArrayList<>();
        for (Task t : open) {
            Status status = t.getDueDate().before(now) ? Status.OVERDUE
                    : !t.getDueDate().after(dueSoon) ? Status.DUE_SOON : Status.OPEN;
            items.add(item(status, t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getProcessDefinitionId(),
                    businessKeys.get(t.getProcessInstanceId()), t.getTenantId(), t.getAssignee(), t.getDueDate(), null));
        }
        finished.stream().sorted(Comparator.comparing(HistoricTaskInstance::getEndTime).reversed())
                .forEach(t -> items.add(item(Status.MET_LATE, t.getId(), t.getName(), t.getTaskDefinitionKey(),
                        t.getProcessDefinitionId(), businessKeys.get(t.getProcessInstanceId()), t.getTenantId(),
                        t.getAssignee(), t.getDueDate(), t.getEndTime())));
        items.sort(Comparator.comparing(Item::status));
        List<String> agencies = user.isAdmin() ? List.of() : user.agencies();
        return new Board(agencies, now, dueSoon, items, openTasks.laterTotal());
    }

    private record OpenTasks(List<Task> listed, long laterTotal) {
    }

    private org.camunda.bpm.engine.task.TaskQuery openTaskQuery(String flow, String officer) {
        var query = engine.getTaskService().createTaskQuery().dueAfter(new Date(0));
        if (flow != null && !flow.isBlank()) {
            query.processDefinitionKey(flow);
        }
        if (officer != null && !officer.isBlank()) {
            query.taskAssignee(officer);
        }
        return query;
    }

    /** The end of the last day that counts as due soon ({@link DueSoon}). */
    Date dueSoonUntil(Date now) {
        return dueSoon.until(now);
    }

    int dueSoonWorkdays() {
        return dueSoon.workdays();
    }

    /** The flows the user may filter by (key → Chinese name). */
    Map<String, String> flows() {
        return engineAuthentication.unrestricted(() -> engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()
                .stream().collect(Collectors.toMap(ProcessDefinition::getKey,
                        d -> d.getName() == null ? d.getKey() : d.getName(), (a, b) -> a, java.util.TreeMap::new)));
    }

    private Item item(Status status, String taskId, String name, String taskKey, String definitionId, String caseNo,
            String agency, String assignee, Date due, Date completed) {
        ProcessDefinition definition = definition(definitionId);
        String[] basis = basis(definitionId, taskKey);
        return new Item(status, status.label, taskId, name, taskKey, definition == null ? null : definition.getKey(),
                definition == null ? null : definition.getName(), caseNo, agency, assignee, due, completed, basis[0],
                basis[1]);
    }

    private ProcessDefinition definition(String id) {
        if (id == null) {
            return null;
        }
        return definitions.computeIfAbsent(id, k -> engineAuthentication.unrestricted(() -> engine.getRepositoryService()
                .getProcessDefinition(k)));
    }

    /** The period and legal basis of a task, read from its due-date expression in the BPMN. */
    String[] basis(String definitionId, String taskKey) {
        if (definitionId == null || taskKey == null) {
            return new String[] {"—", "—"};
        }
        return bases.computeIfAbsent(definitionId + "#" + taskKey, k -> engineAuthentication.unrestricted(() -> {
            var model = engine.getRepositoryService().getBpmnModelInstance(definitionId);
            var element = model == null ? null : model.getModelElementById(taskKey);
            String expression = element instanceof UserTask u ? u.getCamundaDueDate() : null;
            return basisOf(expression);
        }));
    }

    static String[] basisOf(String expression) {
        if (expression == null) {
            return new String[] {"—", "—"};
        }
        StatutoryPeriod period = null;
        Matcher m = DUE_PERIOD.matcher(expression);
        if (m.find()) {
            try {
                period = StatutoryPeriod.valueOf(m.group(1));
            } catch (IllegalArgumentException unknown) {
                period = null;
            }
        }
        Matcher v = VARIABLE.matcher(expression);
        if (period == null && v.matches()) {
            period = DEADLINE_VARIABLES.get(v.group(1));
        }
        if (period != null) {
            return new String[] {period.chineseName(), period.basis()};
        }
        Matcher w = WORKDAYS_AFTER.matcher(expression);
        if (w.find()) {
            return new String[] {"办理时限" + w.group(1) + "个工作日（本机关规定）",
                    StatutoryDeadlines.WORKDAY_BASIS + "（期间计算）"};
        }
        return new String[] {"办理时限", "—"};
    }

    private Map<String, String> businessKeys(Collection<String> instanceIds) {
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> keys = new HashMap<>();
        engineAuthentication.unrestricted(() -> engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceIds(Set.copyOf(instanceIds)).list())
                .forEach((HistoricProcessInstance p) -> keys.put(p.getId(), p.getBusinessKey()));
        return keys;
    }
}
