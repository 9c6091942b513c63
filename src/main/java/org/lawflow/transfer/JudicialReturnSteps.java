package org.lawflow.transfer;

import static org.lawflow.transfer.TransferVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.CaseLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * After the police filed the case and the evidence was handed over: either a judicial organ returns the case because
 * no criminal liability is pursued but an administrative penalty is due (案件退回, 行政处罚法第二十七条第一款), or the
 * criminal proceedings end without a return. A return lifts the fine block (不得以罚代刑 holds only while the
 * criminal side has the case) and puts the case back into administrative handling.
 */
@Configuration
class JudicialReturnSteps {

    static final String CASE_RETURN = "CASE_RETURN";
    static final String CRIMINAL_CONCLUDED = "CRIMINAL_CONCLUDED";
    private static final Map<String, String> BODIES = Map.of("POLICE", "公安机关", "PROCURATORATE", "人民检察院",
            "COURT", "人民法院");

    /** A return needs the letter: who returned it, when, and why; an end without return needs what happened. */
    @Bean
    TaskListener judicialOutcomeGuard() {
        return task -> {
            String outcome = oneOf(task, JUDICIAL_OUTCOME, JUDICIAL_OUTCOMES, "请选择：案件退回或刑事程序终结");
            if ("RETURNED".equals(outcome)) {
                oneOf(task, RETURNING_BODY, RETURNING_BODIES, "请选择退回案件的机关");
                requiredDate(task, RETURN_LETTER_ON, "请填写退回函的日期");
                required(task, RETURN_REASONS, "请填写退回理由");
            } else {
                required(task, RETURN_REASONS, "请写明刑事程序终结的情况（如判决、不起诉决定）");
            }
        };
    }

    @Bean
    JavaDelegate judicialOutcomeRecord(TransferRepository transfers, CaseLifecycle lifecycle, CaseEvents events) {
        return execution -> {
            var step = TransferStep.of(execution);
            String reasons = string(execution, RETURN_REASONS);
            if (!"RETURNED".equals(string(execution, JUDICIAL_OUTCOME))) {
                transfers.insertAnswer(step.transferId(), CRIMINAL_CONCLUDED, null, null, reasons, step.actor());
                step.entry(events, "刑事程序终结，案件未退回", reasons);
                return;
            }
            String body = string(execution, RETURNING_BODY);
            String letterNo = string(execution, RETURN_LETTER_NO);
            transfers.insertAnswer(step.transferId(), CASE_RETURN, body,
                    date(execution.getVariable(RETURN_LETTER_ON), RETURN_LETTER_ON),
                    blank(letterNo) ? reasons : "退回函" + letterNo + "：" + reasons, step.actor());
            // RETURNED releases the fine block (Transfer#blocksFines) and counts as 退回行政处理 in the statistics
            transfers.close(step.transferId(), Transfer.Statuses.RETURNED);
            lifecycle.returnedByJudiciary(step.caseId());
            step.entry(events, BODIES.get(body) + "退回案件，转行政处理",
                    "退回理由：" + reasons + "；移送对罚款决定的限制解除，依法作出行政处理（行政处罚法第二十七条）");
        };
    }
}
