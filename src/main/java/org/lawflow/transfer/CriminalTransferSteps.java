package org.lawflow.transfer;

import static org.lawflow.transfer.TransferVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.system.ChinaTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The criminal transfer's own steps outside the police's answers (国务院令第310号第五、六、十二条): registration, the
 * special team and its written report, sending, and the evidence handover once the police have filed.
 */
@Configuration
class CriminalTransferSteps {

    @Bean
    JavaDelegate transferRegisteredRecord(TransferRegistration registration) {
        return execution -> registration.register(execution, TransferKind.CRIMINAL);
    }

    /** 专案组: validated and stored as "a,b" (the form may send a list or a string with Chinese commas). */
    @Bean
    TaskListener transferTeamGuard(TransferTeams teams) {
        return task -> {
            // a list from the form's picker (Json), a list or text from the engine REST
            var members = teams.validate(team(task),
                    task.getTenantId() != null ? task.getTenantId() : string(task, AGENCY_ID), TEAM);
            task.setVariable(TEAM, String.join(",", members));
            required(task, SUSPECTED_CRIME, "请填写涉嫌罪名");
        };
    }

    /** The report's submission day starts the head's three days. */
    @Bean
    TaskListener transferReportGuard() {
        return task -> {
            required(task, SUSPECTED_CRIME, "请填写涉嫌罪名");
            required(task, REPORT, "请填写涉嫌犯罪案件情况的调查报告");
            task.setVariable(REPORT_SUBMITTED_ON, ChinaTime.nowDate());
        };
    }

    @Bean
    JavaDelegate transferSentRecord(TransferRepository transfers, CaseEvents events) {
        return execution -> {
            var step = TransferStep.of(execution);
            transfers.update(step.transferId(), "SENT", "sent_at", ChinaTime.nowOffset());
            step.entry(events, "已移送公安机关并抄送人民检察院", null);
        };
    }

    /** Filed at the first answer, after reconsideration or after supervision: the handover starts. */
    @Bean
    JavaDelegate policeFiledRecord(TransferRepository transfers, CaseEvents events) {
        return execution -> {
            var step = TransferStep.of(execution);
            transfers.update(step.transferId(), "FILED", null, null);
            step.entry(events, "公安机关已立案，3日内移交涉案物品及材料", null);
        };
    }

    @Bean
    TaskListener evidenceHandoverGuard() {
        return task -> {
            required(task, HANDOVER_LIST, "请填写移交清单");
            requiredDate(task, HANDED_OVER_ON, "请填写移交日期");
        };
    }

    @Bean
    JavaDelegate evidenceHandoverRecord(TransferRepository transfers, CaseEvents events) {
        return execution -> {
            var step = TransferStep.of(execution);
            transfers.insertHandover(step.transferId(), date(execution.getVariable(HANDED_OVER_ON), HANDED_OVER_ON),
                    string(execution, HANDOVER_LIST), string(execution, POLICE_RECEIVER), step.actor());
            transfers.close(step.transferId(), "HANDED_OVER");
            step.entry(events, "移交涉案物品及材料，办结交接手续", string(execution, HANDOVER_LIST));
        };
    }
}
