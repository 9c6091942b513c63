package org.lawflow.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * LawFlow's own indexes on Camunda's {@code ACT_*} tables, for the task-list queries (BENCHMARKS-taskquery.md).
 * <p>
 * Not a Flyway migration: Camunda creates and upgrades its tables itself when the engine is built
 * ({@code camunda.bpm.database.schema-update}), and Spring gives no order between Flyway and the engine, so on a
 * fresh database a migration could run before {@code ACT_RU_TASK} exists. This plugin runs after the engine's
 * schema step ({@code postProcessEngineBuild}), every start, with idempotent {@code create index if not exists}
 * statements from {@value #SCRIPT} (PostgreSQL and H2 both understand them).
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    static final String SCRIPT = "db/engine/indexes.sql";
    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        List<String> statements = statements();
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the indexes of " + SCRIPT, e);
        }
        log.info("Engine table indexes ensured: {}", statements.size());
    }

    static List<String> statements() {
        try (InputStream in = EngineIndexes.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split(";"))
                    .map(s -> s.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b)
                            .strip())
                    .filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
