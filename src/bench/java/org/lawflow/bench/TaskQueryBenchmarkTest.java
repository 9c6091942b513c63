package org.lawflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lawflow.LawFlowSpringTest;
import org.lawflow.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The task-list benchmark at tiny scale in every build (the real figures come from its main, see
 * BENCHMARKS-taskquery.md), and the indexes the task and case lists rely on after a normal start.
 */
@LawFlowSpringTest
class TaskQueryBenchmarkTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    DataSource dataSource;

    @Test
    void measuresTheReviewersTaskListAndChecksItsAnswers() {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "the seeding SQL needs PostgreSQL (CI always has it)");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long tasksBefore = jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
        long historyBefore = jdbc.queryForObject("select count(*) from act_hi_actinst", Long.class);
        long casesBefore = jdbc.queryForObject("select count(*) from enforcement_case", Long.class);

        // 5 measured calls per query after warm-up: enough to exercise every path and check every answer
        Map<String, Object> figures = TaskQueryBenchmark.run(context, 200, 5000, 5, true);
        System.out.println("task-list benchmark at CI scale: " + figures);

        assertThat(figures).containsEntry("openTasks", 200).containsEntry("historicActivityRows", 5000L);
        // 100 seeded tasks are xining's; the other 100 are haidong's, which the xining reviewer must not see
        assertThat((Long) figures.get("tasksVisibleToReviewer")).isGreaterThanOrEqualTo(100L);
        // each seeded task has the authorization the engine writes for its candidate group, as a real one has
        assertThat(figures).containsEntry("seededTaskAuthorizations", 200L);
        for (String query : List.of("taskQuery", "taskCount", "taskById", "restTaskQuery", "restTaskCount",
                "tasklistFilterList", "tasklistFilterCount", "caseList", "deadlineBoard")) {
            double p50 = (Double) figures.get(query + "P50Ms");
            double p95 = (Double) figures.get(query + "P95Ms");
            double max = (Double) figures.get(query + "MaxMs");
            assertThat(p50).as(query).isPositive().isLessThanOrEqualTo(p95);
            assertThat(p95).as(query).isLessThanOrEqualTo(max);
        }
        // the seeded data is gone again: other tests share this database
        assertThat(jdbc.queryForObject("select count(*) from act_ru_task", Long.class)).isEqualTo(tasksBefore);
        assertThat(jdbc.queryForObject("select count(*) from act_hi_actinst", Long.class)).isEqualTo(historyBefore);
        assertThat(jdbc.queryForObject("select count(*) from enforcement_case", Long.class)).isEqualTo(casesBefore);
    }

    @Test
    void wrongAnswersFailTheBenchmark() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TaskQueryBenchmark.check(false, "count 4 != 5"))
                .hasMessageContaining("wrong task-list answer: count 4 != 5");
    }

    /** V8's case-list index; Camunda's own ACT_* indexes already serve the task queries (BENCHMARKS-taskquery.md). */
    @Test
    void caseListIndexExistsAfterStartup() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(indexesOf(c.getMetaData(), "enforcement_case")).contains("ix_case_agency_registered");
            // and the engine's task-list indexes the figures rely on
            assertThat(indexesOf(c.getMetaData(), "act_ru_identitylink")).contains("act_idx_ident_lnk_group");
            assertThat(indexesOf(c.getMetaData(), "act_ru_task")).contains("act_idx_task_create",
                    "act_idx_task_tenant_id");
        }
    }

    /** The two engine-table indexes LawFlow adds after the engine's schema step (system.EngineIndexes). */
    @Test
    void lawflowsEngineIndexesExistAfterStartup() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(indexesOf(c.getMetaData(), "act_ru_job")).contains("lawflow_ix_job_duedate");
            assertThat(indexesOf(c.getMetaData(), "act_ru_task")).contains("lawflow_ix_task_parent");
        }
    }

    /** Index names of a table, lower case; PostgreSQL stores names in lower case, H2 in upper case. */
    private static Set<String> indexesOf(DatabaseMetaData meta, String table) throws Exception {
        Set<String> names = new HashSet<>();
        for (String name : List.of(table.toLowerCase(), table.toUpperCase())) {
            try (ResultSet rs = meta.getIndexInfo(null, null, name, false, true)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null) {
                        names.add(rs.getString("INDEX_NAME").toLowerCase());
                    }
                }
            }
        }
        return names;
    }
}
