package org.lawflow.transfer;

import static org.lawflow.transfer.TransferVariables.*;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.system.ChinaTime;
import org.lawflow.agency.AgencyRepository;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.CaseLifecycle;
import org.lawflow.casefile.Cases;
import org.lawflow.casefile.EnforcementCase;
import org.springframework.stereotype.Component;

/**
 * Records each step of both transfer flows (which one: {@link #ACTIONS} by activity id) in the transfer tables and the case's
 * full-process record, and moves the case status: 已移送 while the transfer runs, back to 已立案 (administrative
 * handling) when the head refuses or the police finally do not file (国务院令第310号第十条).
 */
@Component("transferRecordDelegate")
class TransferRecordDelegate implements JavaDelegate {

    static final String STEP = "案件移送";
    private final TransferRepository transfers;
    private final Cases cases;
    private final CaseLifecycle lifecycle;
    private final CaseEvents events;
    private final AgencyRepository agencies;
    private final TransferTeams teams;

    /** What each recording service task of the two BPMNs records (by activity id: no shared injected fields). */
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("Task_RegisterTransfer", "REGISTERED"),
            Map.entry("Task_RecordHeadDecision", "HEAD_DECIDED"),
            Map.entry("Task_RecordSent", "SENT"),
            Map.entry("Task_RecordReceipt", "RECEIPT"),
            Map.entry("Task_RecordFilingDecision", "FILING_DECISION"),
            Map.entry("Task_RecordReconsiderationRequest", "RECONSIDERATION_REQUESTED"),
            Map.entry("Task_RecordReconsiderationAnswer", "RECONSIDERATION_ANSWER"),
            Map.entry("Task_RecordSupervisionRequest", "SUPERVISION_REQUESTED"),
            Map.entry("Task_RecordSupervisionResult", "SUPERVISION_RESULT"),
            Map.entry("Task_ReturnToAdministrative", "RETURNED_TO_ADMINISTRATIVE"),
            Map.entry("Task_RecordFiled", "FILED"),
            Map.entry("Task_RecordHandover", "HANDED_OVER"),
            Map.entry("Task_RegisterClue", "CLUE_REGISTERED"),
            Map.entry("Task_RecordRouting", "CLUE_ROUTED"),
            Map.entry("Task_RecordClueDecision", "CLUE_DECIDED"),
            Map.entry("Task_RecordClueSent", "CLUE_SENT"),
            Map.entry("Task_SaveClueFeedback", "CLUE_FEEDBACK"));

    TransferRecordDelegate(TransferRepository transfers, Cases cases, CaseLifecycle lifecycle, CaseEvents events,
            AgencyRepository agencies, TransferTeams teams) {
        this.transfers = transfers;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.events = events;
        this.agencies = agencies;
        this.teams = teams;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String what = ACTIONS.get(execution.getCurrentActivityId());
        if (what == null) {
            throw new IllegalStateException("No transfer record step for activity " + execution.getCurrentActivityId());
        }
        if ("REGISTERED".equals(what) || "CLUE_REGISTERED".equals(what)) {
            register(execution, "REGISTERED".equals(what) ? TransferKind.CRIMINAL : TransferKind.DISCIPLINE);
            return;
        }
        UUID id = uuid(execution, TRANSFER_ID);
        UUID caseId = uuid(execution, CASE_ID);
        String actor = actor(execution);
        switch (what) {
            case "HEAD_DECIDED", "CLUE_DECIDED" -> headDecided(execution, id, caseId, actor, "HEAD_DECIDED".equals(what));
            case "SENT", "CLUE_SENT" -> {
                transfers.update(id, "SENT", "sent_at", ChinaTime.nowOffset());
                events.record(caseId, actor, STEP, "CLUE_SENT".equals(what) ? "问题线索已移送" + string(execution, RECEIVING_BODY_NAME)
                        : "已移送公安机关并抄送人民检察院", null, "CLUE_SENT".equals(what));
            }
            case "RECEIPT" -> {
                var on = date(execution.getVariable(POLICE_RECEIVED_ON), POLICE_RECEIVED_ON);
                transfers.update(id, null, "police_received_on", on);
                transfers.insertAnswer(id, "RECEIPT", null, on, null, actor);
                events.record(caseId, actor, STEP, "公安机关签收回执", on == null ? null : on.toString());
            }
            case "FILING_DECISION" -> answer(execution, id, caseId, actor, what, FILING_DECISION, "公安机关立案决定");
            case "RECONSIDERATION_ANSWER" -> answer(execution, id, caseId, actor, what, RECONSIDERATION_DECISION, "公安机关复议决定");
            case "SUPERVISION_RESULT" -> answer(execution, id, caseId, actor, what, SUPERVISION_OUTCOME, "立案监督结果");
            case "RECONSIDERATION_REQUESTED" -> step(id, caseId, actor, what, "提请公安机关复议", string(execution, CHALLENGE_REASONS));
            case "SUPERVISION_REQUESTED" -> step(id, caseId, actor, what, "建议人民检察院立案监督", string(execution, CHALLENGE_REASONS));
            case "FILED" -> step(id, caseId, actor, "FILED", "公安机关已立案，3日内移交涉案物品及材料", null);
            case "HANDED_OVER" -> {
                transfers.insertHandover(id, date(execution.getVariable(HANDED_OVER_ON), HANDED_OVER_ON),
                        string(execution, HANDOVER_LIST), string(execution, POLICE_RECEIVER), actor);
                transfers.close(id, "HANDED_OVER");
                events.record(caseId, actor, STEP, "移交涉案物品及材料，办结交接手续", string(execution, HANDOVER_LIST));
            }
            case "RETURNED_TO_ADMINISTRATIVE" -> {
                transfers.close(id, Transfer.Statuses.RETURNED);
                lifecycle.returnedToAdministrative(caseId);
                events.record(caseId, actor, STEP, "公安机关最终不予立案，退回行政处理",
                        "依法作出行政处理；移送前已作出的警告、责令停产停业、暂扣或者吊销许可证等决定继续执行（国务院令第310号第十、十一条）");
            }
            case "CLUE_ROUTED" -> {
                var agency = agencies.get(string(execution, AGENCY_ID));
                String body = string(execution, RECEIVING_BODY);
                String name = "INTERNAL".equals(body) ? agency.internalDiscipline().name() : agency.discipline().name();
                execution.setVariable(RECEIVING_BODY_NAME, name);
                transfers.updateClueRouting(id, body, name);
            }
            case "CLUE_FEEDBACK" -> {
                transfers.updateClueFeedback(id, date(execution.getVariable(CLUE_RECEIVED_ON), CLUE_RECEIVED_ON),
                        string(execution, CLUE_FEEDBACK), date(execution.getVariable(CLUE_FEEDBACK_ON), CLUE_FEEDBACK_ON));
                transfers.close(id, "COMPLETED");
            }
            default -> throw new IllegalStateException("No transfer record step for activity " + execution.getCurrentActivityId());
        }
    }

    /** Creates the transfer row unless the REST call already did, and completes the case variables. */
    private void register(DelegateExecution execution, TransferKind kind) {
        EnforcementCase c = caseOf(execution);
        execution.setVariable(CASE_ID, c.id().toString());
        execution.setVariable(AGENCY_ID, c.agencyId());
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(c.caseNo());
        }
        String actor = actor(execution);
        UUID id = uuid(execution, TRANSFER_ID);
        if (kind == TransferKind.CRIMINAL && blank(string(execution, LEAD_OFFICER))) {
            String lead = c.isOfficer(actor) ? actor : c.officers().isEmpty() ? actor : c.officers().get(0);
            execution.setVariable(LEAD_OFFICER, lead);
        }
        Object team = execution.getVariable(TEAM);
        if (team != null && members(team).isEmpty()) {
            execution.removeVariable(TEAM);
        } else if (team != null && id == null) {
            // a team given on the Tasklist start form: same check as the REST start and the team task
            execution.setVariable(TEAM, String.join(",", teams.validate(team, c.agencyId(), TEAM)));
        }
        if (id == null && kind == TransferKind.CRIMINAL) {
            // started from Tasklist or by the review: the same one-at-a-time check as TransferService's
            cases.lock(c.id());
            if (transfers.hasFineBlockingTransfer(c.id())) {
                throw new org.lawflow.system.ConflictException("本案已有未办结的涉嫌犯罪案件移送");
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
        events.record(c.id(), actor, STEP, kind == TransferKind.CRIMINAL ? "启动涉嫌犯罪案件移送" : "登记问题线索（限制查阅）",
                kind == TransferKind.CRIMINAL ? string(execution, TRANSFER_REASON) : null, kind == TransferKind.DISCIPLINE);
    }

    private EnforcementCase caseOf(DelegateExecution execution) {
        UUID caseId = uuid(execution, CASE_ID);
        if (caseId != null) {
            return cases.findById(caseId).orElseThrow(() -> new org.lawflow.system.NotFoundException("案件不存在：" + caseId));
        }
        String caseNo = required(execution, CASE_NO, "请填写案号");
        return cases.findByCaseNo(execution.getTenantId(), caseNo)
                .orElseThrow(() -> new org.lawflow.system.InvalidInputException(CASE_NO, "本机构没有案号为“" + caseNo + "”的案件"));
    }

    static Transfer.Clue clue(DelegateExecution e) {
        required(e, PERSON_INVOLVED, "请填写涉及人员");
        oneOf(e, CADRE_LEVEL, CADRE_LEVELS, "请选择干部管理权限");
        return new Transfer.Clue(string(e, PERSON_INVOLVED), required(e, PERSON_POSITION, "请填写职务"),
                string(e, CADRE_LEVEL), Boolean.TRUE.equals(e.getVariable(PARTY_MEMBER)) || "true".equals(string(e, PARTY_MEMBER)),
                required(e, CLUE_FACTS, "请填写问题线索事实"), string(e, CLUE_MATERIALS),
                requiredDate(e, DISCOVERED_ON, "请填写发现日期"), null, null, null, null, null);
    }

    private void headDecided(DelegateExecution execution, UUID id, UUID caseId, String actor, boolean criminal) {
        String decision = string(execution, HEAD_APPROVAL);
        String opinion = string(execution, HEAD_OPINION);
        boolean refused = "REFUSE".equals(decision);
        transfers.recordHeadDecision(id, refused ? Transfer.Statuses.REFUSED : "APPROVED", decision, opinion, actor, refused);
        if (criminal && refused) {
            lifecycle.transferRefused(caseId);
            events.record(caseId, actor, STEP, "负责人不批准移送，退回行政处理", "不予批准的理由：" + opinion);
        } else if (criminal) {
            lifecycle.transferApproved(caseId);
            events.record(caseId, actor, STEP, "负责人批准移送，24小时内移送公安机关", opinion);
        } else {
            events.record(caseId, actor, STEP, refused ? "负责人不批准线索移送" : "负责人批准线索移送", null, true);
        }
    }

    private void answer(DelegateExecution execution, UUID id, UUID caseId, String actor, String type, String decisionVar,
            String label) {
        String decision = string(execution, decisionVar);
        var noticeOn = date(execution.getVariable(FILING_NOTICE_ON), FILING_NOTICE_ON);
        if ("FILING_DECISION".equals(type) && execution.getVariable(POLICE_RECEIVED_ON) != null) {
            transfers.update(id, null, "police_received_on", date(execution.getVariable(POLICE_RECEIVED_ON), POLICE_RECEIVED_ON));
        }
        transfers.insertAnswer(id, type, decision, noticeOn, string(execution, POLICE_REASONS), actor);
        transfers.update(id, type + "_" + decision, null, null);
        events.record(caseId, actor, STEP, label + "：" + ("FILED".equals(decision) ? "立案" : "不予立案"),
                string(execution, POLICE_REASONS));
    }

    private void step(UUID id, UUID caseId, String actor, String status, String action, String detail) {
        transfers.update(id, status, null, null);
        events.record(caseId, actor, STEP, action, detail);
    }

    private static String actor(DelegateExecution execution) {
        var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null || auth.getUserId() == null ? "system" : auth.getUserId();
    }
}
