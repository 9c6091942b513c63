package org.lawflow.transfer;

import static org.lawflow.transfer.TransferVariables.*;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.Cases;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.system.ConflictException;
import org.lawflow.system.InvalidInputException;
import org.lawflow.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The first step of both transfer flows: creates the transfer row unless the REST call already did (a start from
 * Tasklist or by the review has none yet), completes the case variables and writes the first record entry.
 */
@Component
class TransferRegistration {

    private final TransferRepository transfers;
    private final Cases cases;
    private final CaseEvents events;
    private final TransferTeams teams;

    TransferRegistration(TransferRepository transfers, Cases cases, CaseEvents events, TransferTeams teams) {
        this.transfers = transfers;
        this.cases = cases;
        this.events = events;
        this.teams = teams;
    }

    void register(DelegateExecution execution, TransferKind kind) {
        EnforcementCase c = caseOf(execution);
        execution.setVariable(CASE_ID, c.id().toString());
        execution.setVariable(AGENCY_ID, c.agencyId());
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(c.caseNo());
        }
        String actor = TransferStep.actor(execution);
        UUID id = uuid(execution, TRANSFER_ID);
        if (kind == TransferKind.CRIMINAL && blank(string(execution, LEAD_OFFICER))) {
            String lead = c.isOfficer(actor) ? actor : c.officers().isEmpty() ? actor : c.officers().get(0);
            execution.setVariable(LEAD_OFFICER, lead);
        }
        // the start form's taglist submits a Json list, the REST start "a,b"
        List<String> team = execution.getVariable(TEAM) == null ? null : team(execution);
        if (team != null && team.isEmpty()) {
            execution.removeVariable(TEAM);
        } else if (team != null && id == null) {
            // a team given on the Tasklist start form: same check as the REST start and the team task
            execution.setVariable(TEAM, String.join(",", teams.validate(team, c.agencyId(), TEAM)));
        }
        if (id == null && kind == TransferKind.CRIMINAL) {
            // started from Tasklist or by the review: the same one-at-a-time check as TransferService's
            cases.lock(c.id());
            if (transfers.hasFineBlockingTransfer(c.id())) {
                throw new ConflictException("本案已有未办结的涉嫌犯罪案件移送");
            }
        }
        if (id == null) {
            id = UUID.randomUUID();
            transfers.insert(id, c.id(), c.agencyId(), kind, actor, string(execution, STARTED_FROM),
                    kind == TransferKind.CRIMINAL ? string(execution, TRANSFER_REASON) : null,
                    string(execution, SUSPECTED_CRIME),
                    execution.getVariable(TEAM) == null ? null : String.join(",", members(execution.getVariable(TEAM))),
                    string(execution, LEAD_OFFICER));
            if (kind == TransferKind.DISCIPLINE) {
                transfers.insertClue(id, clue(execution));
            }
            execution.setVariable(TRANSFER_ID, id.toString());
        }
        transfers.update(id, null, "process_instance_id", execution.getProcessInstanceId());
        events.record(c.id(), actor, TransferStep.RECORD_STEP,
                kind == TransferKind.CRIMINAL ? "启动涉嫌犯罪案件移送" : "登记问题线索（限制查阅）",
                kind == TransferKind.CRIMINAL ? string(execution, TRANSFER_REASON) : null, kind == TransferKind.DISCIPLINE);
    }

    private EnforcementCase caseOf(DelegateExecution execution) {
        UUID caseId = uuid(execution, CASE_ID);
        if (caseId != null) {
            return cases.findById(caseId).orElseThrow(() -> new NotFoundException("案件不存在：" + caseId));
        }
        String caseNo = required(execution, CASE_NO, "请填写案号");
        return cases.findByCaseNo(execution.getTenantId(), caseNo)
                .orElseThrow(() -> new InvalidInputException(CASE_NO, "本机构没有案号为“" + caseNo + "”的案件"));
    }

    private static Transfer.Clue clue(DelegateExecution e) {
        required(e, PERSON_INVOLVED, "请填写涉及人员");
        oneOf(e, CADRE_LEVEL, CADRE_LEVELS, "请选择干部管理权限");
        return new Transfer.Clue(string(e, PERSON_INVOLVED), required(e, PERSON_POSITION, "请填写职务"),
                string(e, CADRE_LEVEL), Boolean.TRUE.equals(e.getVariable(PARTY_MEMBER)) || "true".equals(string(e, PARTY_MEMBER)),
                required(e, CLUE_FACTS, "请填写问题线索事实"), string(e, CLUE_MATERIALS),
                requiredDate(e, DISCOVERED_ON, "请填写发现日期"), null, null, null, null, null);
    }
}
