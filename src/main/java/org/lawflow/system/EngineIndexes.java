package org.lawflow.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two indexes on engine tables that Camunda's schema lacks, created once the engine has made or checked its schema
 * (Flyway runs before that, so it cannot). Both are lookups the engine repeats all the time on tables that grow with
 * the open caseload: every open task here has a statutory-deadline timer job and a task row. Measured with 10,000
 * open tasks (BENCHMARKS.md, ninth round):
 * <ul>
 * <li>{@code ACT_RU_JOB(DUEDATE_)}: each job acquisition ({@code DUEDATE_ is null or DUEDATE_ <= now}) scanned all
 * waiting timers, 3.8 ms per acquisition instead of 0.03 ms;</li>
 * <li>{@code ACT_RU_TASK(PARENT_TASK_ID_)}: each task completion looks for sub-tasks, a scan of all tasks, 2.5 ms
 * instead of 0.04 ms.</li>
 * </ul>
 * An extra index changes no engine behaviour and no Camunda schema upgrade touches these names. Nodes starting at
 * the same time may race to create one; the loser logs it and goes on (the index exists either way).
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    static final List<String> INDEXES = List.of(
            "create index if not exists lawflow_ix_job_duedate on act_ru_job (duedate_)",
            "create index if not exists lawflow_ix_task_parent on act_ru_task (parent_task_id_)");

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try (Connection connection = engine.getProcessEngineConfiguration().getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            // each statement on its own: one that fails (a race with another node) leaves the next one runnable
            connection.setAutoCommit(true);
            for (String ddl : INDEXES) {
                try {
                    statement.execute(ddl);
                } catch (SQLException e) {
                    log.warn("Engine index not created ({}): {}", ddl, e.getMessage());
                }
            }
        } catch (SQLException e) {
            log.warn("Engine indexes not created: {}", e.getMessage());
        }
    }
}
