package org.lawflow.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seeds a PostgreSQL LawFlow database with a reviewer's worth of open tasks and years of history, fast.
 * <p>
 * Open tasks: one real {@code major-decision-review} instance is started by the engine before its legal review
 * task (法制审核, candidate group {@code legal-reviewer}, with its overdue timer); then all its runtime and history
 * rows are copied with {@code generate_series}, each copy with new ids, its own case (enforcement_case row,
 * business key, caseId/caseNo variables, the task's authorization) and alternately the agency xining or haidong.
 * So every row is exactly what the engine itself writes, and engine queries, Tasklist and Cockpit treat the copies
 * like real instances. (Until 2026-12-06 the task's authorization was not copied, which hid that Camunda's default
 * per-task READ made the task list slow at this scale; see {@code identity.TaskWorkAuthorizations}.)
 * <p>
 * History: finished instances of the same process with {@link #ACTIVITIES_PER_FINISHED_INSTANCE} activity rows
 * each (ACT_HI_PROCINST, ACT_HI_ACTINST, and ACT_HI_TASKINST for the user tasks among them).
 */
final class TaskListSeeder {

    static final String PROCESS_KEY = "major-decision-review";
    static final String REVIEW_TASK = "Task_ReviewLegality";
    static final String REVIEWER_GROUP = "legal-reviewer";
    static final List<String> AGENCIES = List.of("xining", "haidong");
    /** A finished review runs through about this many activities (start, tasks, gateways, documents, end). */
    static final int ACTIVITIES_PER_FINISHED_INSTANCE = 25;
    private static final String CASE_PREFIX = "BENCH";

    /**
     * The authorizations the engine wrote for the template's task (its candidate group's permission to work on it):
     * a real database has one or more per open task, and authorization-checked task queries read them, so every
     * copy gets its own. The {@code ?} is the array of the template's task ids.
     */
    private static final String TASK_AUTHORIZATIONS = "resource_type_ = " + Resources.TASK.resourceType()
            + " and resource_id_ = any(?)";

    /** Runtime and history tables of one instance, and the column that ties a row to its process instance. */
    private static final List<String[]> INSTANCE_TABLES = List.of(
            new String[] {"act_ru_execution", "proc_inst_id_"},
            new String[] {"act_ru_task", "proc_inst_id_"},
            new String[] {"act_ru_variable", "proc_inst_id_"},
            new String[] {"act_ru_job", "process_instance_id_"},
            new String[] {"act_ru_event_subscr", "proc_inst_id_"},
            new String[] {"act_hi_procinst", "proc_inst_id_"},
            new String[] {"act_hi_actinst", "proc_inst_id_"},
            new String[] {"act_hi_taskinst", "proc_inst_id_"},
            new String[] {"act_hi_varinst", "proc_inst_id_"},
            new String[] {"act_hi_detail", "proc_inst_id_"},
            new String[] {"act_hi_identitylink", "root_proc_inst_id_"},
            new String[] {"act_hi_job_log", "process_instance_id_"});

    record Seeded(String run, int openTasks, int visibleToXiningReviewer, long historicActivityRows,
            double seconds) {
    }

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;

    TaskListSeeder(ProcessEngine engine, JdbcTemplate jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    /**
     * @param openTasks open review tasks in total, alternately xining and haidong (the template instance counts)
     * @param historicActivityRows ACT_HI_ACTINST rows of finished instances
     */
    Seeded seed(int openTasks, int historicActivityRows) {
        long start = System.nanoTime();
        String run = Long.toString(System.currentTimeMillis(), 36);
        insertCases(run, openTasks);
        String template = startTemplate(run);
        cloneInstance(template, run, openTasks - 1);
        long historic = seedHistory(run, historicActivityRows);
        jdbc.execute("analyze");
        int visibleToXining = (openTasks + 1) / 2; // copy k goes to AGENCIES[k % 2], the template (k = 0) to xining
        return new Seeded(run, openTasks, visibleToXining, historic, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Removes what {@link #seed} created, through the engine's own delete commands, for a database that other
     * tests go on using (counts of open tasks, finished instances and cases must not change under them).
     */
    void remove(Seeded seeded) {
        String cases = CASE_PREFIX + seeded.run() + "-%";
        List<String> open = jdbc.queryForList("select id_ from act_ru_execution where id_ = proc_inst_id_"
                + " and business_key_ like ?", String.class, cases);
        List<String> finished = new ArrayList<>(open);
        finished.addAll(jdbc.queryForList("select id_ from act_hi_procinst where business_key_ like ?", String.class,
                "HIST" + seeded.run() + "-%"));
        var identity = engine.getIdentityService();
        var previous = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            engine.getRuntimeService().deleteProcessInstances(open, "benchmark data removed", true, true, true);
            engine.getHistoryService().deleteHistoricProcessInstances(finished);
        } finally {
            if (previous != null) {
                identity.setAuthentication(previous);
            }
        }
        String ofCases = " where case_id in (select id from enforcement_case where case_no like ?)";
        jdbc.update("delete from case_event" + ofCases, cases);
        jdbc.update("delete from case_record_head" + ofCases, cases);
        jdbc.update("delete from case_officer" + ofCases, cases);
        jdbc.update("delete from mail_record" + ofCases, cases); // the task-arrival mails of the seeded tasks
        jdbc.update("delete from enforcement_case where case_no like ?", cases);
    }

    /** The engine's authorizations of the seeded open tasks (one per task: its candidate group). */
    long taskAuthorizations(Seeded seeded) {
        return jdbc.queryForObject("select count(*) from act_ru_authorization a join act_ru_task t"
                + " on a.resource_id_ = t.id_ join act_ru_execution e on e.id_ = t.proc_inst_id_"
                + " where a.resource_type_ = ? and e.business_key_ like ?", Long.class, Resources.TASK.resourceType(),
                CASE_PREFIX + seeded.run() + "-%");
    }

    /** Case k: id, case number and agency as the instance copy k refers to them. */
    private static String caseIdSql(String run, String k) {
        return "md5('" + run + "-' || " + k + ")::uuid";
    }

    private static String caseNoSql(String run, String k) {
        return "'" + CASE_PREFIX + run + "-' || " + k;
    }

    private static String agencySql(String k) {
        return "(case when " + k + " % 2 = 0 then '" + AGENCIES.get(0) + "' else '" + AGENCIES.get(1) + "' end)";
    }

    /** One case file per open task, so case lists and case details find what the tasks refer to. */
    private void insertCases(String run, int count) {
        jdbc.update("insert into enforcement_case (id, agency_id, case_no, status, case_cause, party_type, party_name,"
                + " party_id_number, facts, legal_basis, penalty_basis, major_public_interest, complex_case,"
                + " social_impact, filed_on, registered_by, registered_at, version)"
                + " select " + caseIdSql(run, "k") + ", " + agencySql("k") + ", " + caseNoSql(run, "k")
                + ", 'IN_REVIEW', '未取得道路运输经营许可擅自从事道路旅客运输经营', 'CITIZEN', '测试当事人' || k,"
                + " '630102198506123019', '基准测试案件事实', '《中华人民共和国道路运输条例》第八条',"
                + " '《中华人民共和国道路运输条例》第六十三条', false, false, false, current_date - (k % 300),"
                + " 'liqiang', now() - k * interval '1 minute', 0"
                + " from generate_series(0, ?) k", count - 1);
        jdbc.update("insert into case_officer (case_id, user_id) select " + caseIdSql(run, "k")
                + ", 'liqiang' from generate_series(0, ?) k", count - 1);
    }

    /** The engine itself creates instance 0 (xining), waiting in the legal review with its timer. */
    private String startTemplate(String run) {
        String caseId = jdbc.queryForObject("select " + caseIdSql(run, "0") + "::text", String.class);
        String caseNo = CASE_PREFIX + run + "-0";
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", caseId);
        variables.put("caseNo", caseNo);
        variables.put("caseCause", "未取得道路运输经营许可擅自从事道路旅客运输经营");
        variables.put("agencyId", AGENCIES.get(0));
        variables.put("leadOfficer", "liqiang");
        var identity = engine.getIdentityService();
        var previous = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(PROCESS_KEY)
                    .businessKey(caseNo).setVariables(variables).startBeforeActivity(REVIEW_TASK).execute();
            return instance.getId();
        } finally {
            if (previous != null) {
                identity.setAuthentication(previous);
            }
        }
    }

    /**
     * Copies every row of the template instance {@code copies} times (k = 1..copies). Values that are ids of the
     * instance's own rows get the suffix {@code .k}; business key, tenant and the case variables become case k's;
     * creation times move back k minutes so that sorting by creation date has something to sort.
     */
    private void cloneInstance(String template, String run, int copies) {
        if (copies <= 0) {
            return;
        }
        List<String> taskIds = jdbc.queryForList("select id_ from act_ru_task where proc_inst_id_ = ?", String.class,
                template);
        Set<String> ids = new LinkedHashSet<>();
        for (String[] table : INSTANCE_TABLES) {
            ids.addAll(jdbc.queryForList("select id_ from " + table[0] + " where " + table[1] + " = ?", String.class,
                    template));
        }
        ids.addAll(jdbc.queryForList("select act_inst_id_ from act_ru_execution where proc_inst_id_ = ?"
                + " and act_inst_id_ is not null", String.class, template));
        ids.addAll(jdbc.queryForList("select id_ from act_ru_identitylink where task_id_ = any(?)", String.class,
                (Object) taskIds.toArray(new String[0])));
        ids.addAll(jdbc.queryForList("select id_ from act_ru_authorization where " + TASK_AUTHORIZATIONS, String.class,
                (Object) taskIds.toArray(new String[0])));
        Integer bytes = jdbc.queryForObject("select count(*) from act_ru_variable where proc_inst_id_ = ?"
                + " and bytearray_id_ is not null", Integer.class, template);
        if (bytes != null && bytes > 0) {
            throw new IllegalStateException("template has byte-array variables; the copy would share them");
        }
        String[] idArray = ids.toArray(new String[0]);
        for (String[] table : INSTANCE_TABLES) {
            copyRows(table[0], "t." + table[1] + " = ?", template, idArray, run, copies);
        }
        copyRows("act_ru_identitylink", "t.task_id_ = any(?)", taskIds.toArray(new String[0]), idArray, run, copies);
        copyRows("act_ru_authorization", "t." + TASK_AUTHORIZATIONS, taskIds.toArray(new String[0]), idArray, run,
                copies);
    }

    private void copyRows(String table, String where, Object whereValue, String[] ids, String run, int copies) {
        List<Map<String, Object>> columns = jdbc.queryForList("select column_name, data_type from"
                + " information_schema.columns where table_schema = current_schema() and table_name = ?"
                + " order by ordinal_position", table);
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String name = (String) column.get("column_name");
            String type = (String) column.get("data_type");
            names.add(name);
            String value = copiedValue(table, name, type, run);
            values.add(value);
            if (value.contains("?")) {
                parameters.add(ids);
            }
        }
        parameters.add(copies);
        parameters.add(whereValue);
        String sql = "insert into " + table + " (" + String.join(", ", names) + ") select "
                + String.join(", ", values) + " from " + table + " t cross join generate_series(1, ?) k where "
                + where;
        jdbc.update(sql, parameters.toArray());
    }

    /** The SQL expression for one column of copy k; a {@code ?} in it stands for the array of the instance's ids. */
    private static String copiedValue(String table, String column, String type, String run) {
        String col = "t." + column;
        switch (column) {
            case "business_key_":
                return "case when " + col + " is null then null else " + caseNoSql(run, "k") + " end";
            case "tenant_id_":
                return "case when " + col + " is null then null else " + agencySql("k") + " end";
            case "text_":
                if (table.equals("act_ru_variable") || table.equals("act_hi_varinst")
                        || table.equals("act_hi_detail")) {
                    return "case t.name_ when 'caseId' then " + caseIdSql(run, "k") + "::text"
                            + " when 'caseNo' then " + caseNoSql(run, "k")
                            + " when 'agencyId' then " + agencySql("k") + " else " + col + " end";
                }
                return col;
            case "due_date_", "duedate_":
                return col;
            default:
                break;
        }
        if (type.startsWith("timestamp")) {
            return col + " - k * interval '1 minute'";
        }
        if (type.equals("character varying")) {
            // only values that are ids of this instance's rows (the array bound as the first parameter)
            return "case when " + col + " = any(?::varchar[]) then " + col + " || '.' || k else " + col + " end";
        }
        return col;
    }

    /** Finished instances of the process with their activity, task and instance history rows. */
    private long seedHistory(String run, int activityRows) {
        int instances = Math.max(1, activityRows / ACTIVITIES_PER_FINISHED_INSTANCE);
        var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult();
        var model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
        List<FlowNode> nodes = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
        // user tasks first, so every finished instance also has its task history (ACT_HI_TASKINST)
        nodes.sort(java.util.Comparator.comparing(node -> node instanceof UserTask ? 0 : 1));
        List<Object[]> activities = new ArrayList<>();
        for (int i = 0; i < ACTIVITIES_PER_FINISHED_INSTANCE; i++) {
            FlowNode node = nodes.get(i % nodes.size());
            activities.add(new Object[] {i, node.getId(), node.getName(), node.getElementType().getTypeName(),
                    node instanceof UserTask});
        }
        jdbc.execute("create temporary table bench_activity (pos int, act_id varchar(255), act_name varchar(255),"
                + " act_type varchar(255), user_task boolean)");
        jdbc.batchUpdate("insert into bench_activity values (?, ?, ?, ?, ?)", activities);
        String pid = "'hist-" + run + "-' || p";
        // finished over the past ~3 years, a day of work per instance
        String started = "now() - (p % 1000) * interval '1 day' - (p % 1440) * interval '1 minute'";
        jdbc.update("insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_,"
                + " start_time_, end_time_, duration_, start_act_id_, end_act_id_, state_, tenant_id_,"
                + " root_proc_inst_id_, start_user_id_)"
                + " select " + pid + ", " + pid + ", 'HIST" + run + "-' || p, ?, ?, " + started + ", " + started
                + " + interval '1 day', 86400000, 'StartEvent_ReviewRequested', 'End_Decided', 'COMPLETED', "
                + agencySql("p") + ", " + pid + ", 'liqiang' from generate_series(1, ?) p",
                PROCESS_KEY, definition.getId(), instances);
        jdbc.update("insert into act_hi_actinst (id_, parent_act_inst_id_, proc_def_key_, proc_def_id_,"
                + " root_proc_inst_id_, proc_inst_id_, execution_id_, act_id_, task_id_, act_name_, act_type_,"
                + " assignee_, start_time_, end_time_, duration_, act_inst_state_, sequence_counter_, tenant_id_)"
                + " select a.act_id || ':' || " + pid + " || '-' || a.pos, " + pid + ", ?, ?, " + pid + ", " + pid
                + ", " + pid + ", a.act_id, case when a.user_task then " + pid + " || '-t' || a.pos end,"
                + " a.act_name, a.act_type, case when a.user_task then 'wangfang' end, " + started
                + " + a.pos * interval '30 minutes', " + started + " + (a.pos + 1) * interval '30 minutes', 1800000, 1,"
                + " a.pos + 1, " + agencySql("p")
                + " from generate_series(1, ?) p cross join bench_activity a", PROCESS_KEY, definition.getId(),
                instances);
        jdbc.update("insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_,"
                + " proc_inst_id_, execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_, duration_,"
                + " delete_reason_, priority_, due_date_, tenant_id_, task_state_)"
                + " select " + pid + " || '-t' || a.pos, a.act_id, ?, ?, " + pid + ", " + pid + ", " + pid
                + ", a.act_id || ':' || " + pid + " || '-' || a.pos, a.act_name, 'wangfang', " + started
                + " + a.pos * interval '30 minutes', " + started + " + (a.pos + 1) * interval '30 minutes', 1800000,"
                + " 'completed', 50, " + started + " + a.pos * interval '30 minutes' + interval '5 days', "
                + agencySql("p") + ", 'Completed'"
                + " from generate_series(1, ?) p cross join bench_activity a where a.user_task",
                PROCESS_KEY, definition.getId(), instances);
        jdbc.execute("drop table bench_activity");
        return (long) instances * ACTIVITIES_PER_FINISHED_INSTANCE;
    }

}
