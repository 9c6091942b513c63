package org.lawflow.transfer;

import static org.lawflow.transfer.TransferVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.CaseLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the police do not file (国务院令第310号第九条): reconsideration by the police, supervision by the
 * procuratorate, or the return to administrative handling once the police finally do not file (第十条).
 */
@Configuration
class ChallengeSteps {

    @Bean
    TaskListener challengeDecisionGuard() {
        return task -> {
            String challenge = oneOf(task, CHALLENGE, CHALLENGES, "请选择：申请复议、建议立案监督或不再申请");
            if (!"NONE".equals(challenge)) {
                required(task, CHALLENGE_REASONS, "请写明理由");
            }
        };
    }

    @Bean
    JavaDelegate reconsiderationRequestRecord(TransferRepository transfers, CaseEvents events) {
        return execution -> {
            var step = TransferStep.of(execution);
            transfers.update(step.transferId(), "RECONSIDERATION_REQUESTED", null, null);
            step.entry(events, "提请公安机关复议", string(execution, CHALLENGE_REASONS));
        };
    }

    /** The gateway needs a Boolean; the engine REST may send the string "true" or nothing. */
    @Bean
    TaskListener supervisionDecisionGuard() {
        return task -> {
            boolean request = Boolean.TRUE.equals(task.getVariable(REQUEST_SUPERVISION))
                    || "true".equals(string(task, REQUEST_SUPERVISION));
            task.setVariable(REQUEST_SUPERVISION, request);
        };
    }

    @Bean
    JavaDelegate supervisionRequestRecord(TransferRepository transfers, CaseEvents events) {
        return execution -> {
            var step = TransferStep.of(execution);
            transfers.update(step.transferId(), "SUPERVISION_REQUESTED", null, null);
            step.entry(events, "建议人民检察院立案监督", string(execution, CHALLENGE_REASONS));
        };
    }

    /** The case is back at 已立案; decisions made before the transfer stay in force (第十一条). */
    @Bean
    JavaDelegate returnToAdministrativeRecord(TransferRepository transfers, CaseLifecycle lifecycle, CaseEvents events) {
        return execution -> {
            var step = TransferStep.of(execution);
            transfers.close(step.transferId(), Transfer.Statuses.RETURNED);
            lifecycle.returnedToAdministrative(step.caseId());
            step.entry(events, "公安机关最终不予立案，退回行政处理",
                    "依法作出行政处理；移送前已作出的警告、责令停产停业、暂扣或者吊销许可证等决定继续执行（国务院令第310号第十、十一条）");
        };
    }
}
