package org.lawflow;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The in-memory engine for process tests: {@code @ExtendWith(ProcessTestEngine.class)}. Its configuration is
 * not called camunda.cfg.xml because Camunda's webapps look that name up on the classpath and would start it
 * as a second engine inside the Spring Boot tests.
 *
 * <p>When the Spring Boot tests ran first in the same JVM, two engines are registered and camunda-bpm-assert
 * cannot guess which one to use, so every test binds the assertions to this extension's engine explicitly.
 */
public class ProcessTestEngine extends ProcessEngineExtension {

    public ProcessTestEngine() {
        setConfigurationResource("camunda-process-test.cfg.xml");
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        super.beforeTestExecution(context);
        BpmnAwareTests.init(getProcessEngine());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        BpmnAwareTests.reset();
        super.afterTestExecution(context);
    }
}
