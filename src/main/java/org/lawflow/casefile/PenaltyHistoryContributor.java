package org.lawflow.casefile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lawflow.system.ChinaTimeFormat;
import org.springframework.stereotype.Component;

/**
 * Section "penalties" of {@code GET /api/cases/{id}}: the penalty history of the current procedure, oldest first,
 * each entry with its stage in Chinese, amount, text, who, when (China time) and why; and the decided penalty.
 */
@Component
class PenaltyHistoryContributor implements CaseDetailsContributor {

    private final PenaltyHistory history;

    PenaltyHistoryContributor(PenaltyHistory history) {
        this.history = history;
    }

    @Override
    public String section() {
        return "penalties";
    }

    @Override
    public Object contribute(EnforcementCase c) {
        Map<String, Object> section = new LinkedHashMap<>();
        List<Map<String, Object>> revisions = history.of(c.id()).stream().map(PenaltyHistoryContributor::entry).toList();
        section.put("revisions", revisions);
        section.put("current", history.currentProposalText(c));
        history.decided(c.id()).ifPresent(d -> section.put("decided", entry(d)));
        return section;
    }

    private static Map<String, Object> entry(PenaltyRevision r) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("stage", r.stage().name());
        entry.put("stageName", r.stage().label());
        entry.put("kind", r.kind());
        entry.put("amount", r.amount() == null ? null : r.amount().stripTrailingZeros().toPlainString());
        entry.put("text", r.text());
        entry.put("actor", r.actor());
        entry.put("at", ChinaTimeFormat.inChina(r.at()).toOffsetDateTime().toString());
        entry.put("reason", r.reason());
        return entry;
    }
}
