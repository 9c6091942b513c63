package org.lawflow.transfer;

import org.lawflow.casefile.CaseDetailsContributor;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** Section "transfers" of {@code GET /api/cases/{id}}; discipline clues only for the head and supervisors. */
@Component
class TransferDetailsContributor implements CaseDetailsContributor {

    private final TransferService service;
    private final CurrentUser currentUser;

    TransferDetailsContributor(TransferService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @Override
    public String section() {
        return "transfers";
    }

    @Override
    public Object contribute(EnforcementCase enforcementCase) {
        return service.visible(enforcementCase, currentUser.get());
    }
}
