package org.lawflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.lawflow.system.InvalidInputException;

/** What both transfer process tests share: users, doubles, running async jobs, asserting guard errors. */
abstract class TransferProcessTestSupport {

    final TransferDoubles doubles = new TransferDoubles();

    /** The engine comes from ProcessTestEngine: BpmnAwareTests is bound to it only during the test method. */
    @BeforeEach
    void setUpDoubles(ProcessEngine engine) {
        TransferDoubles.createUsers(engine.getIdentityService());
        doubles.register(engine.getIdentityService());
    }

    @AfterEach
    void tearDownDoubles(ProcessEngine engine) {
        Mocks.reset();
        ClockUtil.reset();
        TransferDoubles.removeUsers(engine.getIdentityService());
    }

    /** Runs the async service tasks (documents, mail, records) until the instance waits or ends. */
    static void runJobs(ProcessInstance pi) {
        for (int i = 0; i < 20; i++) {
            var jobs = managementService().createJobQuery().processInstanceId(pi.getId()).messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> managementService().executeJob(j.getId()));
        }
    }

    /** The call fails with an InvalidInputException (possibly wrapped by the engine) naming {@code field}. */
    static void assertField(ThrowingCallable call, String field) {
        assertThatThrownBy(call).satisfies(e -> {
            Throwable root = e;
            while (!(root instanceof InvalidInputException) && root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root).isInstanceOf(InvalidInputException.class);
            assertThat(((InvalidInputException) root).field()).isEqualTo(field);
        });
    }
}
