package org.lawflow.bench;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * What the simulated users drive: LawFlow, or the bare engine with the same BPMN shape. The users register a case and
 * start the review here (LawFlow: its REST API; bare engine: start the processes); every task after that goes
 * through the same engine Java API calls in both (see {@link SimulatedUsers}).
 */
interface FlowTarget {

    record FlowCase(String id, String caseNo) {
    }

    ProcessEngine engine();

    /** Registers case number {@code i} as the officer; the 立案 approval task then waits for the agency head. */
    FlowCase register(int i) throws Exception;

    /** Starts major-decision-review for the approved case, as the officer. */
    void startReview(FlowCase c) throws Exception;
}
