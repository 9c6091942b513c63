package org.lawflow.hearing;

import static org.lawflow.hearing.HearingVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.lawflow.casefile.CaseDetailsContributor;
import org.lawflow.casefile.EnforcementCase;
import org.springframework.stereotype.Component;

/** Section "hearing" of {@code GET /api/cases/{id}}: each hearing flow's dates, host and outcome, and every request. */
@Component
class HearingDetails implements CaseDetailsContributor {

    static final List<String> SHOWN = List.of(NOTICE_DELIVERED_ON, REQUEST_DEADLINE, REQUESTED, REQUESTED_ON,
            REQUEST_CHANNEL, REQUEST_POSTMARKED_ON, HOST, HOST_NAME, NOTE_TAKER, NOTE_TAKER_NAME, RECUSED_HOSTS, HEARING_AT,
            HEARING_PLACE, HEARING_PUBLIC, NOT_PUBLIC_REASON, PARTY_AGENTS, NOTICE_SERVED_ON, NOTICE_EFFECTIVE_ON,
            RESCHEDULE_REASON, ATTENDANCE, OUTCOME);

    private final HistoryService historyService;
    private final JdbcHearingRecords records;

    HearingDetails(HistoryService historyService, JdbcHearingRecords records) {
        this.historyService = historyService;
        this.records = records;
    }

    @Override
    public String section() {
        return "hearing";
    }

    @Override
    public Object contribute(EnforcementCase c) {
        var flows = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(c.caseNo()).tenantIdIn(c.agencyId()).orderByProcessInstanceStartTime()
                .asc().list().stream().map(h -> {
                    Map<String, Object> flow = new LinkedHashMap<>();
                    flow.put("processInstanceId", h.getId());
                    flow.put("state", h.getState());
                    flow.put("startedAt", h.getStartTime());
                    flow.put("endedAt", h.getEndTime());
                    historyService.createHistoricVariableInstanceQuery().processInstanceId(h.getId())
                            .variableNameIn(SHOWN.toArray(String[]::new)).list().stream()
                            .filter(v -> v.getValue() != null)
                            .forEach(v -> flow.put(v.getName(), v.getValue()));
                    return flow;
                }).toList();
        return Map.of("flows", flows, "requests", records.requests(c.id()));
    }
}
