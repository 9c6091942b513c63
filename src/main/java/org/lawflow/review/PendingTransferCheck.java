package org.lawflow.review;

import org.lawflow.casefile.EnforcementCase;
import org.lawflow.transfer.CriminalTransfers;
import org.springframework.stereotype.Component;

/**
 * Whether a criminal transfer (行刑衔接) of the case is still pending, which blocks fines (不得以罚代刑,
 * 国务院令第310号第十一条). Asks the transfer records, not the running processes: after the police file the case
 * and the evidence is handed over, the transfer flow has ended but the case still belongs to the criminal side.
 */
@Component
class PendingTransferCheck {

    static final String CRIMINAL_TRANSFER = "criminal-case-transfer";
    private final CriminalTransfers transfers;

    PendingTransferCheck(CriminalTransfers transfers) {
        this.transfers = transfers;
    }

    boolean isPending(EnforcementCase c) {
        return transfers.isPendingForCase(c.id());
    }
}
