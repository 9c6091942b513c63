package org.lawflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the test database (PostgreSQL in CI, see {@link TestDatabase}) with the demo users,
 * on a random port. The job executor is off so tests run jobs themselves, deterministically. All integration
 * tests share this one configuration, so Spring starts the application once per test run. Mail goes to the
 * GreenMail of {@link TestSmtp} (port {@code LAWFLOW_TEST_SMTP_PORT}, else a free port per test JVM).
 * An {@link IntegrationTest}: runs in {@code mvn verify}, not in the fast {@code mvn test}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=${lawflow.test.smtp-port}",
        "lawflow.demo.smtp-sink-port=0"})
@ActiveProfiles("demo")
@AutoConfigureObservability(tracing = false) // the Prometheus endpoint as in production (tests turn it off by default)
@IntegrationTest
public @interface LawFlowSpringTest {
}
