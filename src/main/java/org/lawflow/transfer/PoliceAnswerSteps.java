package org.lawflow.transfer;

import static org.lawflow.transfer.TransferVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.casefile.CaseEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The police's (and the procuratorate's) answers, entered in Tasklist or correlated by the REST API: the receipt,
 * the filing decision (国务院令第310号第八条), the reconsideration decision and the supervision result (第九条).
 */
@Configuration
class PoliceAnswerSteps {

    @Bean
    JavaDelegate policeReceiptRecord(TransferRepository transfers, CaseEvents events) {
        return execution -> {
            var step = TransferStep.of(execution);
            var on = date(execution.getVariable(POLICE_RECEIVED_ON), POLICE_RECEIVED_ON);
            transfers.update(step.transferId(), null, "police_received_on", on);
            transfers.insertAnswer(step.transferId(), "RECEIPT", null, on, null, step.actor());
            step.entry(events, "公安机关签收回执", on == null ? null : on.toString());
        };
    }

    @Bean
    TaskListener policeFilingDecisionGuard() {
        return task -> {
            oneOf(task, FILING_DECISION, FILING_DECISIONS, "请选择公安机关的决定：立案或不予立案");
            requiredDate(task, FILING_NOTICE_ON, "请填写通知书日期");
            date(task.getVariable(POLICE_RECEIVED_ON), POLICE_RECEIVED_ON);
        };
    }

    /** The receipt date may come with the decision (the form field or the REST answer's receivedOn). */
    @Bean
    JavaDelegate policeFilingDecisionRecord(TransferRepository transfers, CaseEvents events) {
        return execution -> {
            var step = TransferStep.of(execution);
            var noticeOn = noticeOn(execution);
            if (execution.getVariable(POLICE_RECEIVED_ON) != null) {
                transfers.update(step.transferId(), null, "police_received_on",
                        date(execution.getVariable(POLICE_RECEIVED_ON), POLICE_RECEIVED_ON));
            }
            answer(execution, step, noticeOn, transfers, events, "FILING_DECISION", FILING_DECISION, "公安机关立案决定");
        };
    }

    @Bean
    TaskListener reconsiderationAnswerGuard() {
        return task -> {
            oneOf(task, RECONSIDERATION_DECISION, FILING_DECISIONS, "请选择复议决定");
            requiredDate(task, FILING_NOTICE_ON, "请填写复议决定书日期");
        };
    }

    @Bean
    JavaDelegate reconsiderationAnswerRecord(TransferRepository transfers, CaseEvents events) {
        return execution -> answer(execution, TransferStep.of(execution), noticeOn(execution), transfers, events,
                "RECONSIDERATION_ANSWER", RECONSIDERATION_DECISION, "公安机关复议决定");
    }

    @Bean
    TaskListener supervisionResultGuard() {
        return task -> {
            oneOf(task, SUPERVISION_OUTCOME, FILING_DECISIONS, "请选择立案监督结果");
            requiredDate(task, FILING_NOTICE_ON, "请填写通知日期");
        };
    }

    @Bean
    JavaDelegate supervisionResultRecord(TransferRepository transfers, CaseEvents events) {
        return execution -> answer(execution, TransferStep.of(execution), noticeOn(execution), transfers, events,
                "SUPERVISION_RESULT", SUPERVISION_OUTCOME, "立案监督结果");
    }

    /** The date of the answer's notice (立案/不予立案通知书, 复议决定书, 监督通知). */
    private static LocalDate noticeOn(DelegateExecution execution) {
        return date(execution.getVariable(FILING_NOTICE_ON), FILING_NOTICE_ON);
    }

    /** Stores a decision (FILED or NOT_FILED) as an answer of {@code type}; the transfer's status is TYPE_DECISION. */
    private static void answer(DelegateExecution execution, TransferStep step, LocalDate noticeOn,
            TransferRepository transfers, CaseEvents events, String type, String decisionVariable, String label) {
        String decision = string(execution, decisionVariable);
        transfers.insertAnswer(step.transferId(), type, decision, noticeOn, string(execution, POLICE_REASONS), step.actor());
        transfers.update(step.transferId(), type + "_" + decision, null, null);
        step.entry(events, label + "：" + ("FILED".equals(decision) ? "立案" : "不予立案"), string(execution, POLICE_REASONS));
    }
}
