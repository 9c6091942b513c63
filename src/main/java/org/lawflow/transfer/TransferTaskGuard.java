package org.lawflow.transfer;

import static org.lawflow.transfer.TransferVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Validates what Tasklist (or engine REST) submits for each user task of both transfer flows, on complete. The
 * Camunda Forms validate too, but the engine REST does not run them.
 */
@Component("transferTaskGuard")
class TransferTaskGuard implements TaskListener {

    private final TransferTeams teams;
    private final TransferSettings settings;

    TransferTaskGuard(TransferTeams teams, TransferSettings settings) {
        this.teams = teams;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getTaskDefinitionKey()) {
            case "Task_FormTeam" -> {
                var members = teams.validate(task.getVariable(TEAM),
                        task.getTenantId() != null ? task.getTenantId() : string(task, AGENCY_ID), TEAM);
                task.setVariable(TEAM, String.join(",", members));
                required(task, SUSPECTED_CRIME, "请填写涉嫌罪名");
            }
            case "Task_WriteTransferReport" -> {
                required(task, SUSPECTED_CRIME, "请填写涉嫌罪名");
                required(task, REPORT, "请填写涉嫌犯罪案件情况的调查报告");
                task.setVariable(REPORT_SUBMITTED_ON, ChinaTime.nowDate());
            }
            case "Task_HeadApproval", "Task_ApproveClueTransfer" -> {
                String approval = oneOf(task, HEAD_APPROVAL, APPROVALS, "请选择批准或不批准");
                if ("REFUSE".equals(approval) && blank(string(task, HEAD_OPINION))) {
                    throw new InvalidInputException(HEAD_OPINION, "不批准移送的，应当写明理由并记录在案");
                }
            }
            case "Task_AwaitPoliceDecision" -> {
                oneOf(task, FILING_DECISION, FILING_DECISIONS, "请选择公安机关的决定：立案或不予立案");
                requiredDate(task, FILING_NOTICE_ON, "请填写通知书日期");
                date(task.getVariable(POLICE_RECEIVED_ON), POLICE_RECEIVED_ON);
            }
            case "Task_DecideChallenge" -> {
                String challenge = oneOf(task, CHALLENGE, CHALLENGES, "请选择：申请复议、建议立案监督或不再申请");
                if (!"NONE".equals(challenge)) {
                    required(task, CHALLENGE_REASONS, "请写明理由");
                }
            }
            case "Task_AwaitReconsiderationAnswer" -> {
                oneOf(task, RECONSIDERATION_DECISION, FILING_DECISIONS, "请选择复议决定");
                requiredDate(task, FILING_NOTICE_ON, "请填写复议决定书日期");
            }
            case "Task_DecideSupervision" -> {
                boolean request = Boolean.TRUE.equals(task.getVariable(REQUEST_SUPERVISION))
                        || "true".equals(string(task, REQUEST_SUPERVISION));
                task.setVariable(REQUEST_SUPERVISION, request);
            }
            case "Task_AwaitSupervisionResult" -> {
                oneOf(task, SUPERVISION_OUTCOME, FILING_DECISIONS, "请选择立案监督结果");
                requiredDate(task, FILING_NOTICE_ON, "请填写通知日期");
            }
            case "Task_HandOverEvidence" -> {
                required(task, HANDOVER_LIST, "请填写移交清单");
                requiredDate(task, HANDED_OVER_ON, "请填写移交日期");
            }
            case "Task_RecordClueFeedback" -> {
                requiredDate(task, CLUE_RECEIVED_ON, "请填写受理机关签收日期");
                if (settings.clueFeedbackRequired()) {
                    required(task, CLUE_FEEDBACK, "请填写处理反馈");
                }
            }
            default -> {
            }
        }
    }
}
