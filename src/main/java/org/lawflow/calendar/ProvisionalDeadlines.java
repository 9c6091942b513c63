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
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
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
    private final javax.sql.DataSource dataSource;
    private final CommandExecutor commandExecutor;

    ProvisionalDeadlines(JdbcClient jdbc, TransactionTemplate tx, StatutoryDeadlines deadlines, TaskService taskService,
            ManagementService managementService, RuntimeService runtimeService,
            EngineAuthentication engineAuthentication, ApplicationEventPublisher events,
            javax.sql.DataSource dataSource, ProcessEngineConfigurationImpl engineConfiguration) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.commandExecutor = engineConfiguration.getCommandExecutorTxRequired();
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

    /**
     * At start-up: deadlines still open for a year whose notice is loaded (a PUT interrupted by a crash, or logged by
     * another node that had not yet reloaded the calendar) are recomputed now.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void recomputeYearsLoadedMeanwhile() {
        Set<Integer> years = new TreeSet<>();
        jdbc.sql("select distinct years from provisional_deadline where settled_at is null").query(String.class).list()
                .forEach(list -> List.of(list.split(",")).forEach(y -> years.add(Integer.parseInt(y))));
        years.retainAll(deadlines.coveredYears());
        for (int year : years) {
            var summary = recompute(year);
            logger.info("Provisional deadlines of {} recomputed at start-up: {} tasks, {} timers, {} variables moved",
                    year, summary.tasksChanged(), summary.timersChanged(), summary.variablesChanged());
        }
    }

    /** Recomputes every open logged deadline that went through {@code year}. */
    Summary recompute(int year) {
        Map<String, List<Logged>> byInstance = new LinkedHashMap<>();
        jdbc.sql("""
                select id, process_instance_id, activity_id, business_key, tenant_id, period, unit, amount, from_date,
                  protects, due, told_due, years
                from provisional_deadline where settled_at is null order by process_instance_id, recorded_at""")
                .query((rs, i) -> new Logged(rs.getObject("id", UUID.class), rs.getString("process_instance_id"),
                        rs.getString("activity_id"), rs.getString("business_key"), rs.getString("tenant_id"),
                        rs.getString("period"), StatutoryPeriod.Unit.valueOf(rs.getString("unit")),
                        rs.getInt("amount"), rs.getObject("from_date", LocalDate.class),
                        StatutoryPeriod.Protects.valueOf(rs.getString("protects")),
                        rs.getObject("due", LocalDate.class), rs.getObject("told_due", LocalDate.class),
                        rs.getString("years")))
                .list().stream().filter(l -> List.of(l.years().split(",")).contains(String.valueOf(year)))
                .forEach(l -> byInstance.computeIfAbsent(l.processInstanceId(), k -> new ArrayList<>()).add(l));
        Counts counts = new Counts();
        Map<String, List<Change>> byCase = new LinkedHashMap<>();
        List<String> instances = new ArrayList<>(byInstance.keySet());
        for (int i = 0; i < instances.size(); i += CHUNK) {
            List<String> chunk = instances.subList(i, Math.min(instances.size(), i + CHUNK));
            try {
                settleInTransaction(chunk, byInstance, counts, byCase);
            } catch (RuntimeException chunkFailed) {
                // one instance should not hold up the others: settle this chunk's instances one by one
                for (String instance : chunk) {
                    try {
                        settleInTransaction(List.of(instance), byInstance, counts, byCase);
                    } catch (RuntimeException e) {
                        counts.failed += byInstance.get(instance).size();
                        logger.error("Provisional deadlines of process instance {} could not be recomputed", instance,
                                e);
                    }
                }
            }
        }
        return new Summary(year, counts.recomputed, counts.tasks, counts.timers, counts.variables, counts.ended,
                counts.failed, byCase);
    }

    /** Process instances recomputed in one transaction (10,000 open tasks: about 50 transactions). */
    private static final int CHUNK = 200;

    private static final class Counts {
        int recomputed;
        int tasks;
        int timers;
        int variables;
        int ended;
        int failed;

        void add(Counts chunk) {
            recomputed += chunk.recomputed;
            tasks += chunk.tasks;
            timers += chunk.timers;
            variables += chunk.variables;
            ended += chunk.ended;
        }
    }

    private void settleInTransaction(List<String> instances, Map<String, List<Logged>> byInstance, Counts counts,
            Map<String, List<Change>> byCase) {
        Counts chunk = new Counts();
        Map<String, List<Change>> changes = engineAuthentication.unrestricted(() -> tx.execute(s ->
                settle(instances, byInstance, chunk)));
        counts.add(chunk); // only a committed chunk counts
        changes.forEach((key, list) -> byCase.computeIfAbsent(key, k -> new ArrayList<>()).addAll(list));
    }

    /** Loads the chunk's open tasks, timers and date variables once, then moves what each logged deadline set. */
    private Map<String, List<Change>> settle(List<String> instances, Map<String, List<Logged>> byInstance,
            Counts counts) {
        String[] ids = instances.toArray(String[]::new);
        Set<String> running = new java.util.HashSet<>();
        runtimeService.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(instances)).list()
                .forEach(p -> running.add(p.getId()));
        Map<String, List<Task>> tasks = new java.util.HashMap<>();
        taskService.createTaskQuery().processInstanceIdIn(ids).list()
                .forEach(t -> tasks.computeIfAbsent(t.getProcessInstanceId(), k -> new ArrayList<>()).add(t));
        Map<String, List<Job>> timers = new java.util.HashMap<>();
        managementService.createJobQuery().processInstanceIds(new java.util.HashSet<>(instances)).timers().list()
                .forEach(j -> timers.computeIfAbsent(j.getProcessInstanceId(), k -> new ArrayList<>()).add(j));
        Map<String, List<VariableInstance>> dates = new java.util.HashMap<>();
        runtimeService.createVariableInstanceQuery().processInstanceIdIn(ids).disableBinaryFetching()
                .disableCustomObjectDeserialization().list().stream().filter(v -> v.getValue() instanceof Date)
                .forEach(v -> dates.computeIfAbsent(v.getProcessInstanceId(), k -> new ArrayList<>()).add(v));
        Map<String, List<Change>> byCase = new LinkedHashMap<>();
        List<Object[]> settledRows = new ArrayList<>();
        List<Object[]> stillProvisionalRows = new ArrayList<>();
        Set<String> moved = new java.util.HashSet<>();
        Moves moves = new Moves();
        for (String instance : instances) {
            for (Logged logged : byInstance.get(instance)) {
                counts.recomputed++;
                Deadline now = deadlines.recount(logged.unit(), logged.amount(), logged.from(), logged.tenantId(),
                        logged.protects());
                LocalDate after = logged.protects().takesLatest() && now.due().isBefore(logged.toldDue())
                        ? logged.toldDue() : now.due();
                List<Change> changes = List.of();
                if (!running.contains(instance)) {
                    counts.ended++;
                } else if (!after.equals(logged.due())) {
                    changes = move(logged, after, tasks.getOrDefault(instance, List.of()),
                            timers.getOrDefault(instance, List.of()), dates.getOrDefault(instance, List.of()), moved,
                            moves, counts);
                }
                if (now.provisional()) {
                    stillProvisionalRows.add(new Object[] {after, now.earliest(), now.latest(), years(now), logged.id()});
                } else {
                    settledRows.add(new Object[] {after, now.earliest(), now.latest(), ChinaTime.nowOffset(),
                            logged.id()});
                }
                String periodName = periodName(logged);
                for (Change change : changes) {
                    events.publishEvent(new DeadlineRecomputed(logged.businessKey(), logged.tenantId(), change.what(),
                            change.name(), periodName, change.before(), change.after(),
                            logged.protects().takesLatest() && after.equals(logged.toldDue())
                                    && !after.equals(now.due()) ? "已告知当事人的期限不缩短（信赖保护），仍为" + after
                                            : now.rule()));
                }
                if (!changes.isEmpty()) {
                    byCase.computeIfAbsent(logged.businessKey() == null ? instance : logged.businessKey(),
                            k -> new ArrayList<>()).addAll(changes);
                }
            }
        }
        moves.apply(commandExecutor);
        var template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.batchUpdate("update provisional_deadline set due = ?, earliest = ?, latest = ?, years = ? where id = ?",
                stillProvisionalRows);
        template.batchUpdate("update provisional_deadline set due = ?, earliest = ?, latest = ?, settled_at = ? "
                + "where id = ?", settledRows);
        return byCase;
    }

    /** Moves the task due dates, timers and date variables that were set from {@code logged}'s date. */
    /**
     * The chunk's task and timer changes, made by the engine's own commands inside one engine command: one flush, so
     * the engine sends the updates as one JDBC batch (10,000 tasks: 140 s one by one, see BENCHMARKS.md).
     */
    private static final class Moves {
        final List<Task> tasks = new ArrayList<>();
        final List<Object[]> timers = new ArrayList<>();

        void apply(CommandExecutor executor) {
            if (tasks.isEmpty() && timers.isEmpty()) {
                return;
            }
            executor.execute(context -> {
                tasks.forEach(task -> new SaveTaskCmd(task).execute(context));
                timers.forEach(t -> new SetJobDuedateCmd((String) t[0], (Date) t[1], false).execute(context));
                return null;
            });
        }
    }

    private List<Change> move(Logged logged, LocalDate after, List<Task> tasks, List<Job> timers,
            List<VariableInstance> dates, Set<String> moved, Moves moves, Counts counts) {
        Date before = deadlines.endOfDay(logged.due());
        Date target = deadlines.endOfDay(after);
        String period = periodName(logged);
        List<Change> changes = new ArrayList<>();
        for (Task task : tasks) {
            if (task.getDueDate() == null || task.getDueDate().getTime() != before.getTime()
                    || logged.activityId() != null && !logged.activityId().equals(task.getTaskDefinitionKey())
                    || !moved.add("task:" + task.getId())) {
                continue;
            }
            task.setDueDate(target);
            moves.tasks.add(task);
            counts.tasks++;
            changes.add(new Change("任务", task.getName(), period, logged.from(), logged.due(), after));
        }
        for (Job job : timers) {
            if (job.getDuedate() != null && job.getDuedate().getTime() == before.getTime()
                    && moved.add("job:" + job.getId())) {
                moves.timers.add(new Object[] {job.getId(), target});
                counts.timers++;
                changes.add(new Change("定时器", job.getId(), period, logged.from(), logged.due(), after));
            }
        }
        for (VariableInstance v : dates) {
            if (((Date) v.getValue()).getTime() == before.getTime() && moved.add("variable:" + v.getId())) {
                if (v.getTaskId() != null) {
                    taskService.setVariableLocal(v.getTaskId(), v.getName(), target);
                } else {
                    runtimeService.setVariableLocal(v.getExecutionId(), v.getName(), target);
                }
                counts.variables++;
                changes.add(new Change("期限变量", v.getName(), period, logged.from(), logged.due(), after));
            }
        }
        return changes;
    }

    private static String periodName(Logged logged) {
        try {
            return StatutoryPeriod.valueOf(logged.period()).chineseName();
        } catch (IllegalArgumentException e) {
            return logged.amount() + switch (logged.unit()) {
                case DAYS -> "日";
                case MONTHS -> "个月";
                default -> "个工作日";
            };
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
