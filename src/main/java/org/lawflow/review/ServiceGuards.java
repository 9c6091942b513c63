package org.lawflow.review;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.system.ProcessVariables;
import org.lawflow.system.ServiceRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The review's two 送达 steps, checked like every 送达 ({@link ServiceRecord}): the day (not in the future, not before
 * the document was made), the method, electronic service only with the party's consent, and the day the service
 * takes effect (公告送达: thirty days later), from which the party's periods run.
 */
@Configuration
class ServiceGuards {

    static final ServiceRecord.Fields NOTICE = new ServiceRecord.Fields("违法行为通知书", "noticeDeliveredOn",
            "deliveryMethod", "deliveryReceiptNo", "noticeElectronicConsent");
    static final ServiceRecord.Fields DECISION = new ServiceRecord.Fields("行政处罚决定书", "servedOn", "serviceMethod",
            null, "decisionElectronicConsent");
    /** Set when the 违法行为通知书 is generated (an end listener in the model). */
    static final String NOTICE_MADE_ON = "violationNoticeMadeOn";

    /** 记录通知书送达: the 陈述申辩 and hearing-request periods run from the effective day. */
    @Bean
    TaskListener noticeServiceGuard() {
        return task -> record(task, NOTICE, ProcessVariables.day(task.getVariable(NOTICE_MADE_ON)));
    }

    /** 记录决定书送达: the remedy periods (复议、诉讼) run from the effective day. */
    @Bean
    TaskListener decisionServiceGuard() {
        return task -> record(task, DECISION, ProcessVariables.day(task.getVariable(ReviewVariables.DECIDED_ON)));
    }

    private static void record(DelegateTask task, ServiceRecord.Fields fields, LocalDate documentOn) {
        ServiceRecord service = ServiceRecord.read(task, fields, documentOn);
        task.setVariable(fields.date(), service.effectiveOn().toString());
        task.setVariable(fields.method(), service.method().name());
        task.setVariable(fields.consent(), service.electronicConsent());
        // what the full-process record states for this step (read after this listener)
        task.setVariableLocal(PenaltyStageListener.RECORD_DETAIL, fields.document() + service.describe());
    }
}
