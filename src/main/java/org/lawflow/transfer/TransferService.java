package org.lawflow.transfer;

import static org.lawflow.transfer.TransferVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.lawflow.casefile.CaseFileService;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.CaseStatus;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.identity.EngineAuthentication;
import org.lawflow.identity.Groups;
import org.lawflow.identity.LawFlowUser;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.ConflictException;
import org.lawflow.system.InvalidInputException;
import org.lawflow.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts transfers, records police answers (by message correlation) and lists what a user may see. */
@Service
class TransferService {

    /** The longest string the engine stores in a process variable (ACT_RU_VARIABLE.TEXT_ varchar(4000)). */
    static final int ENGINE_TEXT = 4000;

    static final Map<String, String> ANSWER_MESSAGES = Map.of(
            "RECEIPT", "PoliceReceipt",
            "FILING_DECISION", "PoliceFilingDecision",
            "RECONSIDERATION_ANSWER", "PoliceReconsiderationAnswer",
            "SUPERVISION_RESULT", "SupervisionResult",
            "CASE_RETURN", "CaseReturned");
    private static final Map<String, String> DECISION_VARIABLES = Map.of(
            "FILING_DECISION", FILING_DECISION,
            "RECONSIDERATION_ANSWER", RECONSIDERATION_DECISION,
            "SUPERVISION_RESULT", SUPERVISION_OUTCOME);

    private final TransferRepository transfers;
    private final CaseFileService caseFiles;
    private final TransferTeams teams;
    private final CaseFlows flows;
    private final RuntimeService runtimeService;
    private final EngineAuthentication engineAuthentication;

    TransferService(TransferRepository transfers, CaseFileService caseFiles, TransferTeams teams, CaseFlows flows,
            RuntimeService runtimeService, EngineAuthentication engineAuthentication) {
        this.transfers = transfers;
        this.caseFiles = caseFiles;
        this.teams = teams;
        this.flows = flows;
        this.runtimeService = runtimeService;
        this.engineAuthentication = engineAuthentication;
    }

    @Transactional
    Transfer start(EnforcementCase visible, TransferRequest r, LawFlowUser user) {
        EnforcementCase c = flows.lockForStart(visible);
        TransferKind kind = TransferKind.parse(r.kind());
        if (kind == null) {
            throw new InvalidInputException("kind", "移送种类应为 criminal（涉嫌犯罪案件）或 discipline（问题线索）");
        }
        UUID id = UUID.randomUUID();
        Map<String, Object> vars = new HashMap<>();
        vars.put(TRANSFER_ID, id.toString());
        vars.put(STARTED_FROM, "api");
        if (kind == TransferKind.CRIMINAL) {
            startCriminal(c, r, user, id, vars);
        } else {
            startDiscipline(c, r, user, id, vars);
        }
        flows.start(kind.processKey, c, vars);
        return transfers.findById(id).orElseThrow();
    }

    private void startCriminal(EnforcementCase c, TransferRequest r, LawFlowUser user, UUID id, Map<String, Object> vars) {
        if (!user.isIn(Groups.OFFICER) && !user.isIn(Groups.AGENCY_HEAD)) {
            throw new AuthorizationException("只有执法人员或负责人可以启动涉嫌犯罪案件移送");
        }
        if (blank(r.transferReason())) {
            throw new InvalidInputException("transferReason", "请写明移送理由（涉嫌犯罪的事实）");
        }
        maxLength("transferReason", r.transferReason(), ENGINE_TEXT);
        maxLength("suspectedCrime", r.suspectedCrime(), 500);
        List<String> team = teams.validate(r.transferTeam(), c.agencyId(), "transferTeam");
        String lead = !blank(r.leadOfficer()) ? r.leadOfficer() : team.contains(user.id()) ? user.id() : team.get(0);
        if (!team.contains(lead)) {
            throw new InvalidInputException("leadOfficer", "主办人应为专案组成员");
        }
        if (transfers.hasFineBlockingTransfer(c.id())) {
            throw new ConflictException("本案已有未办结的涉嫌犯罪案件移送");
        }
        caseFiles.requireFiled(c, TransferKind.CRIMINAL.processKey);
        if (c.status() == CaseStatus.CLOSED) {
            throw new ConflictException("案件已结案");
        }
        transfers.insert(id, c.id(), c.agencyId(), TransferKind.CRIMINAL, user.id(), "api", r.transferReason().strip(),
                r.suspectedCrime(), String.join(",", team), lead);
        vars.put(TRANSFER_REASON, r.transferReason().strip());
        vars.put(TEAM, String.join(",", team));
        vars.put(LEAD_OFFICER, lead);
        if (!blank(r.suspectedCrime())) {
            vars.put(SUSPECTED_CRIME, r.suspectedCrime().strip());
        }
    }

    private void startDiscipline(EnforcementCase c, TransferRequest r, LawFlowUser user, UUID id, Map<String, Object> vars) {
        if (!user.maySeeClues()) {
            throw new AuthorizationException("问题线索只能由负责人或监督管理人员登记");
        }
        requireText("personInvolved", r.personInvolved(), "请填写涉及人员姓名");
        requireText("personPosition", r.personPosition(), "请填写工作单位及职务");
        if (r.cadreLevel() == null || !CADRE_LEVELS.contains(r.cadreLevel())) {
            throw new InvalidInputException("cadreLevel", "干部管理权限应为 " + String.join("、", CADRE_LEVELS.stream().sorted().toList()));
        }
        requireText("clueFacts", r.clueFacts(), "请填写问题线索事实");
        maxLength("personInvolved", r.personInvolved(), 100);
        maxLength("personPosition", r.personPosition(), 200);
        maxLength("clueFacts", r.clueFacts(), ENGINE_TEXT);
        maxLength("clueMaterials", r.clueMaterials(), ENGINE_TEXT);
        LocalDate discovered = date(r.discoveredOn(), "discoveredOn");
        if (discovered == null || discovered.isAfter(ChinaTime.today())) {
            throw new InvalidInputException("discoveredOn", "请填写发现日期（YYYY-MM-DD，不晚于今天）");
        }
        var clue = new Transfer.Clue(r.personInvolved().strip(), r.personPosition().strip(), r.cadreLevel(),
                Boolean.TRUE.equals(r.partyMember()), r.clueFacts().strip(), r.clueMaterials(), discovered,
                null, null, null, null, null);
        transfers.insert(id, c.id(), c.agencyId(), TransferKind.DISCIPLINE, user.id(), "api", null, null, null, null);
        transfers.insertClue(id, clue);
        vars.put(PERSON_INVOLVED, clue.personInvolved());
        vars.put(PERSON_POSITION, clue.personPosition());
        vars.put(CADRE_LEVEL, clue.cadreLevel());
        vars.put(PARTY_MEMBER, clue.partyMember());
        vars.put(CLUE_FACTS, clue.clueFacts());
        if (clue.clueMaterials() != null) {
            vars.put(CLUE_MATERIALS, clue.clueMaterials());
        }
        vars.put(DISCOVERED_ON, discovered.toString());
    }

    /** Transfers of the case the user may see: discipline clues only for the head and supervisors. */
    List<Transfer> visible(EnforcementCase c, LawFlowUser user) {
        boolean clues = user.maySeeClues();
        return transfers.findByCase(c.id()).stream().filter(t -> clues || t.kind() != TransferKind.DISCIPLINE).toList();
    }

    Transfer visible(EnforcementCase c, UUID transferId, LawFlowUser user) {
        return visible(c, user).stream().filter(t -> t.id().equals(transferId)).findFirst()
                .orElseThrow(() -> new NotFoundException("移送记录不存在：" + transferId));
    }

    /**
     * Correlates the police's answer with the waiting transfer instance. The case's staff may record it even
     * without engine UPDATE rights on the instance: access was checked on the case and the transfer.
     */
    @Transactional
    Transfer recordPoliceAnswer(EnforcementCase c, UUID transferId, PoliceAnswerRequest r, LawFlowUser user) {
        Transfer transfer = visible(c, transferId, user);
        if (transfer.kind() != TransferKind.CRIMINAL) {
            throw new InvalidInputException("transferId", "只有涉嫌犯罪案件移送才有公安机关答复");
        }
        if (!user.isIn(Groups.OFFICER) && !user.isIn(Groups.AGENCY_HEAD)) {
            throw new AuthorizationException("只有执法人员或负责人可以登记公安机关答复");
        }
        String type = r.type() == null ? null : r.type().strip();
        String message = type == null ? null : ANSWER_MESSAGES.get(type);
        if (message == null) {
            throw new InvalidInputException("type",
                    "答复种类应为 RECEIPT、FILING_DECISION、RECONSIDERATION_ANSWER、SUPERVISION_RESULT 或 CASE_RETURN");
        }
        Map<String, Object> vars = new HashMap<>();
        if ("CASE_RETURN".equals(type)) {
            caseReturn(r, vars);
        } else if ("RECEIPT".equals(type)) {
            vars.put(POLICE_RECEIVED_ON, pastDate("receivedOn", r.receivedOn(), "请填写签收回执日期").toString());
        } else {
            if (r.decision() == null || !FILING_DECISIONS.contains(r.decision())) {
                throw new InvalidInputException("decision", "决定应为 FILED（立案）或 NOT_FILED（不予立案）");
            }
            vars.put(DECISION_VARIABLES.get(type), r.decision());
            vars.put(FILING_NOTICE_ON, pastDate("noticeOn", r.noticeOn(), "请填写通知书日期").toString());
            vars.put(POLICE_REASONS, r.reasons() == null ? "" : r.reasons().strip());
            if (!blank(r.receivedOn())) {
                vars.put(POLICE_RECEIVED_ON, pastDate("receivedOn", r.receivedOn(), "").toString());
            }
        }
        engineAuthentication.unrestricted(() -> {
            try {
                return runtimeService.createMessageCorrelation(message)
                        .processInstanceId(transfer.processInstanceId()).setVariables(vars).correlateWithResult();
            } catch (MismatchingMessageCorrelationException e) {
                throw new ConflictException("该移送当前不在等待此类答复的阶段（" + type + "）");
            }
        });
        return transfers.findById(transferId).orElseThrow();
    }

    /** 案件退回 (行政处罚法第二十七条): who returned the case, the letter's date and number, and why. */
    private static void caseReturn(PoliceAnswerRequest r, Map<String, Object> vars) {
        if (r.returningBody() == null || !RETURNING_BODIES.contains(r.returningBody())) {
            throw new InvalidInputException("returningBody", "退回机关应为 POLICE（公安机关）、PROCURATORATE（人民检察院）或 COURT（人民法院）");
        }
        if (blank(r.reasons())) {
            throw new InvalidInputException("reasons", "请填写退回理由");
        }
        maxLength("reasons", r.reasons(), ENGINE_TEXT);
        maxLength("letterNo", r.letterNo(), 100);
        vars.put(JUDICIAL_OUTCOME, "RETURNED");
        vars.put(RETURNING_BODY, r.returningBody());
        vars.put(RETURN_LETTER_ON, pastDate("noticeOn", r.noticeOn(), "请填写退回函的日期").toString());
        vars.put(RETURN_REASONS, r.reasons().strip());
        if (!blank(r.letterNo())) {
            vars.put(RETURN_LETTER_NO, r.letterNo().strip());
        }
    }

    private static LocalDate pastDate(String field, String value, String message) {
        LocalDate date = date(value, field);
        if (date == null) {
            throw new InvalidInputException(field, message);
        }
        if (date.isAfter(ChinaTime.today())) {
            throw new InvalidInputException(field, "日期不能晚于今天");
        }
        return date;
    }

    /**
     * Refuses a text longer than its column (discipline_clue, transfer) or than the engine keeps in a string
     * variable (ACT_RU_VARIABLE.TEXT_, varchar(4000)) with 400 naming the field, instead of a database error (500).
     */
    private static void maxLength(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new InvalidInputException(field, "不超过" + max + "个字符（现为" + value.strip().length() + "个）");
        }
    }

    private static void requireText(String field, String value, String message) {
        if (blank(value)) {
            throw new InvalidInputException(field, message);
        }
    }
}
