package org.lawflow.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.casefile.CaseAmendments;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.system.InputChecks;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 补充调查并重新提交: the officers' amendments of facts, evidence and proposed fine go into the case file (each change
 * recorded), and {@code renotifyParty} tells the flow whether the party must be told again before the review goes on
 * (行政处罚法第四十四条、第五十九条第二款).
 */
@Component("supplementCaseGuard")
class SupplementCaseGuard implements TaskListener {

    static final String AMENDED_FACTS = "amendedFacts";
    static final String AMENDED_EVIDENCE = "amendedEvidence";
    static final String AMENDED_FINE = "amendedFineAmount";
    static final String NOTE = "supplementNote";
    static final String RENOTIFY = "renotifyParty";

    private final CaseAmendments amendments;

    SupplementCaseGuard(CaseAmendments amendments) {
        this.amendments = amendments;
    }

    @Override
    public void notify(DelegateTask task) {
        String note = ReviewVariables.string(task, NOTE);
        if (note == null || note.isBlank()) {
            throw new InvalidInputException(NOTE, "请填写补充调查情况");
        }
        BigDecimal fine = InputChecks.amount(AMENDED_FINE, task.getVariable(AMENDED_FINE));
        var amendment = amendments.amend(ReviewVariables.caseId(task), PenaltyStageListener.actor(task),
                ReviewVariables.string(task, AMENDED_FACTS), evidence(ReviewVariables.string(task, AMENDED_EVIDENCE)),
                fine, note);
        task.setVariable(RENOTIFY, amendment.renotify());
    }

    /** One item a line, "种类：内容" (without a kind: 其他); blank lines ignored. */
    static List<EnforcementCase.Evidence> evidence(String text) {
        List<EnforcementCase.Evidence> items = new ArrayList<>();
        if (text == null) {
            return items;
        }
        for (String line : text.split("\\R")) {
            String item = line.strip();
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.indexOf('：') >= 0 ? item.indexOf('：') : item.indexOf(':');
            if (colon > 0 && colon < item.length() - 1) {
                items.add(new EnforcementCase.Evidence(item.substring(0, colon).strip(), item.substring(colon + 1).strip()));
            } else {
                items.add(new EnforcementCase.Evidence("其他", item));
            }
            if (items.size() > 200) {
                throw new InvalidInputException(AMENDED_EVIDENCE, "证据清单最多200项");
            }
        }
        return items;
    }
}
