package org.lawflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The engine settings LawFlow runs with (application.yaml, overridden by pass-through arguments), so the bare-engine
 * baseline uses the same history level, removal-time strategy, job-executor threads and connection pool. Defaults
 * are those of the Camunda Spring Boot starter where application.yaml says nothing.
 */
record EngineSettings(String historyLevel, String removalTimeStrategy, String historyTimeToLive, int corePoolSize,
        int maxPoolSize, int queueCapacity, int maxJobsPerAcquisition, long waitTimeMillis, long maxWaitMillis,
        int connectionPoolSize) {

    static EngineSettings of(Map<String, String> appArgs) {
        PropertySource<?> yaml;
        try {
            yaml = new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                    .get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.util.function.BiFunction<String, String, String> get = (key, fallback) -> {
            if (appArgs.containsKey(key)) {
                return appArgs.get(key);
            }
            Object value = yaml.getProperty(key);
            return value == null ? fallback : value.toString();
        };
        String jobs = "camunda.bpm.job-execution.";
        String generic = "camunda.bpm.generic-properties.properties.";
        return new EngineSettings(get.apply("camunda.bpm.history-level", "full"),
                get.apply(generic + "historyRemovalTimeStrategy", "end"),
                get.apply(generic + "historyTimeToLive", "P3650D"),
                Integer.parseInt(get.apply(jobs + "core-pool-size", "3")),
                Integer.parseInt(get.apply(jobs + "max-pool-size", "10")),
                Integer.parseInt(get.apply(jobs + "queue-capacity", "3")),
                Integer.parseInt(get.apply(jobs + "max-jobs-per-acquisition", "3")),
                Long.parseLong(get.apply(jobs + "wait-time-in-millis", "5000")),
                Long.parseLong(get.apply(jobs + "max-wait", "60000")),
                Integer.parseInt(get.apply("spring.datasource.hikari.maximum-pool-size", "10")));
    }
}
