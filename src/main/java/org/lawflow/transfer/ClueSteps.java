package org.lawflow.transfer;

import static org.lawflow.transfer.TransferVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.agency.AgencyRepository;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.system.ChinaTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A problem clue's way to the discipline inspection body (监察法第三十七条): registration, the receiving body by
 * cadre management level, sending, and the body's receipt and feedback. Its record entries are restricted.
 */
@Configuration
class ClueSteps {

    @Bean
    JavaDelegate clueRegisteredRecord(TransferRegistration registration) {
        return execution -> registration.register(execution, TransferKind.DISCIPLINE);
    }

    /**
     * The DMN chose INTERNAL (本单位纪检监察机构) or COMMISSION (同级纪委监委); the agency's data names it. A clue
     * about the agency's own leaders always goes to the commission, whatever a locally edited table says: the
     * agency's own bodies are under those leaders.
     */
    @Bean
    JavaDelegate clueRoutingRecord(TransferRepository transfers, AgencyRepository agencies) {
        return execution -> {
            var step = TransferStep.of(execution);
            var agency = agencies.get(string(execution, AGENCY_ID));
            if (AGENCY_LEADER.equals(string(execution, CADRE_LEVEL))) {
                execution.setVariable(RECEIVING_BODY, "COMMISSION");
            }
            String body = string(execution, RECEIVING_BODY);
            boolean internal = "INTERNAL".equals(body);
            String name = internal ? agency.internalDiscipline().name() : agency.discipline().name();
            execution.setVariable(RECEIVING_BODY_NAME, name);
            execution.setVariable(RECEIVING_BODY_RECIPIENT, internal ? "disciplineInternal" : "disciplineCommission");
            transfers.updateClueRouting(step.transferId(), body, name);
        };
    }

    /** 监察法第三十七条 (应当移送): a clue about the agency's own leaders is not theirs to approve or refuse. */
    @Bean
    JavaDelegate clueDirectTransferRecord(TransferRepository transfers, CaseEvents events) {
        return execution -> {
            var step = TransferStep.of(execution);
            transfers.update(step.transferId(), "DIRECT_TRANSFER", null, null);
            step.restrictedEntry(events, "线索涉及本单位领导班子成员，不经本单位负责人审批，直接移送"
                    + string(execution, RECEIVING_BODY_NAME) + "并抄送监督管理部门", "监察法第三十七条");
        };
    }

    @Bean
    JavaDelegate clueSentRecord(TransferRepository transfers, CaseEvents events) {
        return execution -> {
            var step = TransferStep.of(execution);
            transfers.update(step.transferId(), "SENT", "sent_at", ChinaTime.nowOffset());
            step.restrictedEntry(events, "问题线索已移送" + string(execution, RECEIVING_BODY_NAME), null);
        };
    }

    /** The receipt is required; the feedback only where the installation requires it (TransferSettings). */
    @Bean
    TaskListener clueFeedbackGuard(TransferSettings settings) {
        return task -> {
            requiredDate(task, CLUE_RECEIVED_ON, "请填写受理机关签收日期");
            if (settings.clueFeedbackRequired()) {
                required(task, CLUE_FEEDBACK, "请填写处理反馈");
            }
        };
    }

    @Bean
    JavaDelegate clueFeedbackRecord(TransferRepository transfers) {
        return execution -> {
            var step = TransferStep.of(execution);
            transfers.updateClueFeedback(step.transferId(), date(execution.getVariable(CLUE_RECEIVED_ON), CLUE_RECEIVED_ON),
                    string(execution, CLUE_FEEDBACK), date(execution.getVariable(CLUE_FEEDBACK_ON), CLUE_FEEDBACK_ON));
            transfers.close(step.transferId(), "COMPLETED");
        };
    }
}
