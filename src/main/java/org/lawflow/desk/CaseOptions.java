package org.lawflow.desk;

import java.util.List;

import org.lawflow.casefile.StartableCases;
import org.lawflow.identity.LawFlowUser;
import org.springframework.stereotype.Component;

/**
 * {@code caseOptions}: the cases the user may start the flow on ({@link StartableCases}: visible, the right status,
 * the flow's own rules; the newest {@value StartableCases#LIMIT}), as "案号　案由（当事人）" with the party's name as the
 * dossier shows it to this user (masked for roles without a need for it); the value is the 案号 the start looks up.
 */
@Component
class CaseOptions implements StartFormOptions {

    private final StartableCases cases;

    CaseOptions(StartableCases cases) {
        this.cases = cases;
    }

    @Override
    public String key() {
        return "caseOptions";
    }

    @Override
    public List<Option> options(String processKey, List<String> agencies, LawFlowUser user) {
        boolean masked = DossierBuilder.masksFor(user);
        return cases.forStart(processKey, agencies, user).stream()
                .map(c -> new Option(c.caseNo() + "　" + c.cause() + "（" + DossierBuilder.partyName(c.party(), masked) + "）",
                        c.caseNo()))
                .toList();
    }
}
