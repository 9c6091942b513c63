package org.lawflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * An integration test: it starts the application (Spring Boot, a separate JVM, a browser) or needs PostgreSQL, so it
 * runs in {@code mvn verify} (failsafe) and not in the fast {@code mvn test} (surefire), which keeps to unit tests and
 * process tests on the in-memory engine ({@link ProcessTestEngine}). Every {@link LawFlowSpringTest} is one.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Tag(IntegrationTest.TAG)
public @interface IntegrationTest {

    /** The JUnit tag the surefire and failsafe configurations in pom.xml select on. */
    String TAG = "integration";
}
