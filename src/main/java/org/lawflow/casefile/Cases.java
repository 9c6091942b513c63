package org.lawflow.casefile;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The case file as process steps read it: by id or number, without a user's agency check (the engine checked the
 * tenant when the flow started; /api reads through {@link CaseFileService#getVisible}). Status changes go through
 * {@link CaseLifecycle}.
 */
@Component
public class Cases {

    private final CaseRepository cases;

    Cases(CaseRepository cases) {
        this.cases = cases;
    }

    public Optional<EnforcementCase> findById(UUID id) {
        return cases.findById(id);
    }

    public Optional<EnforcementCase> findByCaseNo(String agencyId, String caseNo) {
        return cases.findByCaseNo(agencyId, caseNo);
    }

    /**
     * Locks the case row until the transaction ends: serialises the writers of the case (its record chain, its
     * status) and the starts of its flows. Needs a transaction.
     */
    public void lock(UUID id) {
        cases.lock(id);
    }
}
