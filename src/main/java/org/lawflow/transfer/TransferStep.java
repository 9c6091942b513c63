package org.lawflow.transfer;

import static org.lawflow.transfer.TransferVariables.CASE_ID;
import static org.lawflow.transfer.TransferVariables.TRANSFER_ID;
import static org.lawflow.transfer.TransferVariables.uuid;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.lawflow.casefile.CaseEvents;

/**
 * What a record step of a running transfer works on: its transfer row, its case and who acts (the authenticated
 * user, else "system"), and how it writes the case's full-process record (案件移送).
 */
record TransferStep(UUID transferId, UUID caseId, String actor) {

    /** The step name of every transfer entry in the case's full-process record. */
    static final String RECORD_STEP = "案件移送";

    static TransferStep of(DelegateExecution execution) {
        return new TransferStep(uuid(execution, TRANSFER_ID), uuid(execution, CASE_ID), actor(execution));
    }

    static String actor(DelegateExecution execution) {
        var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null || auth.getUserId() == null ? "system" : auth.getUserId();
    }

    void entry(CaseEvents events, String action, String detail) {
        events.record(caseId, actor, RECORD_STEP, action, detail);
    }

    /** An entry only the agency head and supervisors may read (discipline clues). */
    void restrictedEntry(CaseEvents events, String action, String detail) {
        events.record(caseId, actor, RECORD_STEP, action, detail, true);
    }
}
