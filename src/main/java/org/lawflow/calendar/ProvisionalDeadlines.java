package org.lawflow.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.lawflow.identity.EngineAuthentication;
import org.lawflow.system.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log of provisional deadlines (table {@code provisional_deadline}) and their recomputation when a year's notice
 * is entered: each open task due date, timer and deadline variable that was set from a logged deadline moves to the
 * final date. A party's deadline never moves below the date already used (信赖保护: the party may have been told it);
 * an agency duty takes the final date. Each change is published as {@link DeadlineRecomputed} (the case file records
 * it), and every logged deadline is settled in its own transaction, so one failing instance does not stop the others.
 */
@Component
class ProvisionalDeadlines implements ProvisionalDeadlineLog {

    private static final Logger logger = LoggerFactory.getLogger(ProvisionalDeadlines.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final StatutoryDeadlines deadlines;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final EngineAuthentication engineAuthentication;
    private final ApplicationEventPublisher events;

    ProvisionalDeadlines(JdbcClient jdbc, TransactionTemplate tx, StatutoryDeadlines deadlines, TaskService taskService,
            ManagementService managementService, RuntimeService runtimeService,
            EngineAuthentication engineAuthentication, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.deadlines = deadlines;
        this.taskService = taskService;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.engineAuthentication = engineAuthentication;
        this.events = events;
        deadlines.logProvisionalDeadlinesTo(this);
    }

    /** One change the recomputation made. */
    record Change(String what, String name, String period, LocalDate from, LocalDate before, LocalDate after) {
    }

    /** What {@code PUT /api/calendar/years/{year}} answers about the deadlines it recomputed. */
    record Summary(int year, int recomputed, int tasksChanged, int timersChanged, int variablesChanged,
            int instancesEnded, int failed, Map<String, List<Change>> byCase) {
    }

    private record Logged(UUID id, String processInstanceId, String activityId, String businessKey, String tenantId,
            String period, StatutoryPeriod.Unit unit, int amount, LocalDate from, StatutoryPeriod.Protects protects,
            LocalDate due, LocalDate toldDue, String years) {
    }

    @Override
    public void record(EngineExecution execution, String period, StatutoryPeriod.Unit unit, int amount,
            StatutoryPeriod.Protects protects, Deadline deadline) {
        jdbc.sql("""
                insert into provisional_deadline (id, process_instance_id, activity_id, business_key, tenant_id, period,
                  unit, amount, from_date, protects, earliest, latest, due, told_due, years, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), execution.processInstanceId(), execution.activityId(),
                        execution.businessKey(), execution.tenantId(), period, unit.name(), amount, deadline.from(),
                        protects.name(), deadline.earliest(), deadline.latest(), deadline.due(), deadline.due(),
                        years(deadline), ChinaTime.nowOffset())
                .update();
    }

    /** Open logged deadlines (for the deadline board and the case view: which due dates are still provisional). */
    Set<String> openProcessInstances() {
        return new TreeSet<>(jdbc.sql("select distinct process_instance_id from provisional_deadline where settled_at is null")
                .query(String.class).list());
    }

    /** Recomputes every open logged deadline that went through {@code year}. */
    Summary recompute(int year) {
        List<Logged> open = jdbc.sql("""
                select id, process_instance_id, activity_id, business_key, tenant_id, period, unit, amount, from_date,
                  protects, due, told_due, years
                from provisional_deadline where settled_at is null order by recorded_at""")
                .query((rs, i) -> new Logged(rs.getObject("id", UUID.class), rs.getString("process_instance_id"),
                        rs.getString("activity_id"), rs.getString("business_key"), rs.getString("tenant_id"),
                        rs.getString("period"), StatutoryPeriod.Unit.valueOf(rs.getString("unit")),
                        rs.getInt("amount"), rs.getObject("from_date", LocalDate.class),
                        StatutoryPeriod.Protects.valueOf(rs.getString("protects")),
                        rs.getObject("due", LocalDate.class), rs.getObject("told_due", LocalDate.class),
                        rs.getString("years")))
                .list().stream().filter(l -> List.of(l.years().split(",")).contains(String.valueOf(year))).toList();
        int[] counts = new int[5];
        Map<String, List<Change>> byCase = new LinkedHashMap<>();
        for (Logged logged : open) {
            try {
                List<Change> changes = engineAuthentication.unrestricted(() -> tx.execute(s -> settle(logged, counts)));
                if (!changes.isEmpty()) {
                    byCase.computeIfAbsent(logged.businessKey() == null ? logged.processInstanceId()
                            : logged.businessKey(), k -> new ArrayList<>()).addAll(changes);
                }
            } catch (RuntimeException e) {
                counts[4]++;
                logger.error("Provisional deadline {} of {} could not be recomputed", logged.id(), logged.businessKey(),
                        e);
            }
        }
        return new Summary(year, open.size(), counts[0], counts[1], counts[2], counts[3], counts[4], byCase);
    }

    private List<Change> settle(Logged logged, int[] counts) {
        boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(logged.processInstanceId())
                .count() > 0;
        Deadline now = deadlines.recount(logged.unit(), logged.amount(), logged.from(), logged.tenantId(),
                logged.protects());
        LocalDate after = logged.protects().takesLatest() && now.due().isBefore(logged.toldDue()) ? logged.toldDue()
                : now.due();
        List<Change> changes = new ArrayList<>();
        if (!running) {
            counts[3]++;
        } else if (!after.equals(logged.due())) {
            changes.addAll(move(logged, after, counts));
        }
        if (now.provisional()) {
            jdbc.sql("update provisional_deadline set due = ?, earliest = ?, latest = ?, years = ? where id = ?")
                    .params(after, now.earliest(), now.latest(), years(now), logged.id()).update();
        } else {
            jdbc.sql("update provisional_deadline set due = ?, earliest = ?, latest = ?, settled_at = ? where id = ?")
                    .params(after, now.earliest(), now.latest(), ChinaTime.nowOffset(), logged.id()).update();
        }
        String periodName = periodName(logged);
        for (Change change : changes) {
            events.publishEvent(new DeadlineRecomputed(logged.businessKey(), logged.tenantId(), change.what(),
                    change.name(), periodName, change.before(), change.after(),
                    logged.protects().takesLatest() && after.equals(logged.toldDue()) && !after.equals(now.due())
                            ? "已告知当事人的期限不缩短（信赖保护），仍为" + after
                            : now.rule()));
        }
        return changes;
    }

    private List<Change> move(Logged logged, LocalDate after, int[] counts) {
        Date before = deadlines.endOfDay(logged.due());
        Date target = deadlines.endOfDay(after);
        String period = periodName(logged);
        List<Change> changes = new ArrayList<>();
        for (Task task : taskService.createTaskQuery().processInstanceId(logged.processInstanceId()).dueDate(before)
                .list()) {
            if (logged.activityId() != null && !logged.activityId().equals(task.getTaskDefinitionKey())) {
                continue;
            }
            task.setDueDate(target);
            taskService.saveTask(task);
            counts[0]++;
            changes.add(new Change("任务", task.getName(), period, logged.from(), logged.due(), after));
        }
        for (Job job : managementService.createJobQuery().processInstanceId(logged.processInstanceId()).timers().list()) {
            if (job.getDuedate() != null && job.getDuedate().getTime() == before.getTime()) {
                managementService.setJobDuedate(job.getId(), target);
                counts[1]++;
                changes.add(new Change("定时器", job.getId(), period, logged.from(), logged.due(), after));
            }
        }
        for (VariableInstance v : runtimeService.createVariableInstanceQuery()
                .processInstanceIdIn(logged.processInstanceId()).list()) {
            if (v.getValue() instanceof Date d && d.getTime() == before.getTime()) {
                if (v.getTaskId() != null) {
                    taskService.setVariableLocal(v.getTaskId(), v.getName(), target);
                } else {
                    runtimeService.setVariableLocal(v.getExecutionId(), v.getName(), target);
                }
                counts[2]++;
                changes.add(new Change("期限变量", v.getName(), period, logged.from(), logged.due(), after));
            }
        }
        return changes;
    }

    private static String periodName(Logged logged) {
        try {
            return StatutoryPeriod.valueOf(logged.period()).chineseName();
        } catch (IllegalArgumentException e) {
            return logged.amount() + (logged.unit() == StatutoryPeriod.Unit.DAYS ? "日" : "个工作日");
        }
    }

    private static String years(Deadline deadline) {
        Set<Integer> years = new TreeSet<>();
        for (LocalDate d = deadline.from().plusDays(1); !d.isAfter(deadline.latest()); d = d.plusDays(1)) {
            years.add(d.getYear());
        }
        return String.join(",", years.stream().map(String::valueOf).toList());
    }
}
