package org.lawflow.transfer;

import java.util.UUID;

import org.lawflow.casefile.CaseStartRule;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.system.ConflictException;
import org.springframework.stereotype.Component;

/**
 * 不得以罚代刑 (国务院令第310号第十一条；行政处罚法第二十七条): while a criminal transfer of a case is open — or
 * the police filed the case — the agency may not decide a fine. Once the head refused the transfer or the police
 * finally refused to file, the case is back in administrative handling. Reads the transfer table directly, so the
 * answer does not depend on the current user's engine authorizations.
 */
@Component
public class CriminalTransfers implements CaseStartRule {

    private final TransferRepository transfers;

    CriminalTransfers(TransferRepository transfers) {
        this.transfers = transfers;
    }

    public boolean isPendingForCase(UUID caseId) {
        return transfers.hasFineBlockingTransfer(caseId);
    }

    /** @throws ConflictException if a criminal transfer of the case blocks a fine */
    public void requireNoPendingTransfer(UUID caseId) {
        if (isPendingForCase(caseId)) {
            throw new ConflictException("本案涉嫌犯罪已移送（或正在移送）公安机关，移送未办结前不得作出罚款决定（不得以罚代刑，国务院令第310号第十一条）");
        }
    }

    @Override
    public String processKey() {
        return TransferKind.CRIMINAL.processKey;
    }

    /** For the start form's case picker: one criminal transfer at a time ({@link TransferRegistration} refuses a second). */
    @Override
    public boolean accepts(EnforcementCase c, String userId) {
        return !isPendingForCase(c.id());
    }
}
