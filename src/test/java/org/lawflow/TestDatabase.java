package org.lawflow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database of the test run, once per JVM:
 * <ol>
 * <li>{@code LAWFLOW_TEST_DB_URL} (+ {@code LAWFLOW_TEST_DB_USER}/{@code _PASSWORD}) if set;</li>
 * <li>else a fresh database {@code lawflow_test_<pid>_<time>} on the PostgreSQL at {@code LAWFLOW_TEST_PG}
 * (default 127.0.0.1:5432, user postgres); leftovers of runs older than 3 hours are dropped at the next run;</li>
 * <li>else, outside CI only, in-memory H2 with a loud warning. In CI ({@code CI=true}) no PostgreSQL is an error.</li>
 * </ol>
 */
public class TestDatabase implements EnvironmentPostProcessor {

    private static Map<String, Object> chosen;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("lawflow.bench.database")) {
            return; // the benchmark (org.lawflow.bench) runs LawFlow on a database it created itself
        }
        environment.getPropertySources().addFirst(new MapPropertySource("lawflow-test-database", choose()));
        environment.getPropertySources().addFirst(new MapPropertySource("lawflow-test-smtp",
                Map.of("lawflow.test.smtp-port", TestSmtp.port())));
    }

    static synchronized Map<String, Object> choose() {
        if (chosen != null) {
            return chosen;
        }
        Map<String, Object> props = new HashMap<>();
        String explicit = System.getenv("LAWFLOW_TEST_DB_URL");
        if (explicit != null && !explicit.isBlank()) {
            usePostgres(props, explicit, env("LAWFLOW_TEST_DB_USER", "postgres"), env("LAWFLOW_TEST_DB_PASSWORD", ""));
        } else {
            String server = env("LAWFLOW_TEST_PG", "127.0.0.1:5432");
            String admin = "jdbc:postgresql://" + server + "/postgres";
            String name = "lawflow_test_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
            try (Connection c = DriverManager.getConnection(admin, "postgres", "")) {
                dropLeftovers(c);
                c.createStatement().execute("create database " + name);
                usePostgres(props, "jdbc:postgresql://" + server + "/" + name, "postgres", "");
            } catch (SQLException e) {
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException("CI needs PostgreSQL at " + server + " for the tests", e);
                }
                System.err.println("""
                        ************************************************************************
                        *  WARNING: PostgreSQL not reachable (%s) - tests run on in-memory H2.
                        *  CI never does this. Start PostgreSQL or set LAWFLOW_TEST_DB_URL.
                        ************************************************************************"""
                        .formatted(e.getMessage()));
                props.put("spring.datasource.url", "jdbc:h2:mem:lawflow-test;DB_CLOSE_DELAY=-1");
                props.put("lawflow.test.database", "h2");
            }
        }
        chosen = props;
        return props;
    }

    /** Whether this run's tests use PostgreSQL (the CI case). */
    public static boolean isPostgres() {
        return "postgres".equals(choose().get("lawflow.test.database"));
    }

    public static String url() {
        return (String) choose().get("spring.datasource.url");
    }

    private static void usePostgres(Map<String, Object> props, String url, String user, String password) {
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.username", user);
        props.put("spring.datasource.password", password);
        props.put("camunda.bpm.database.type", "postgres");
        props.put("lawflow.test.database", "postgres");
        System.out.println("LawFlow tests use PostgreSQL database " + url);
    }

    /**
     * Drops test databases of earlier runs. A database still in use by a concurrent run cannot be dropped
     * (no FORCE) and stays. Dropping at JVM exit instead would race the application's own shutdown.
     */
    private static void dropLeftovers(Connection c) throws SQLException {
        var names = new java.util.ArrayList<String>();
        try (var rs = c.createStatement().executeQuery(
                "select datname from pg_database where datname like 'lawflow\\_test\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        long cutoff = System.currentTimeMillis() - java.time.Duration.ofHours(3).toMillis();
        for (String old : names) {
            // only databases of runs that started hours ago: a concurrent run may have just created its own
            String[] parts = old.split("_");
            long createdAt;
            try {
                createdAt = Long.parseLong(parts[parts.length - 1]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (createdAt > cutoff) {
                continue;
            }
            try {
                c.createStatement().execute("drop database if exists " + old);
            } catch (SQLException inUse) {
                // another test run is using it
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
