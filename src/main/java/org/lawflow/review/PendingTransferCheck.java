package org.lawflow.review;

import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.EnforcementCase;
import org.springframework.stereotype.Component;

/** Whether a criminal transfer (行刑衔接) of the case is still open, which blocks fines (不得以罚代刑). */
@Component
class PendingTransferCheck {

    static final String CRIMINAL_TRANSFER = "criminal-case-transfer";
    private final CaseFlows flows;

    PendingTransferCheck(CaseFlows flows) {
        this.flows = flows;
    }

    boolean isPending(EnforcementCase c) {
        return flows.isRunning(CRIMINAL_TRANSFER, c);
    }
}
