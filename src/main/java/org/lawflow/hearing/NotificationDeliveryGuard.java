package org.lawflow.hearing;

import static org.lawflow.hearing.HearingTaskChecks.*;
import static org.lawflow.hearing.HearingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.system.ServiceRecord;
import org.springframework.stereotype.Component;

/**
 * 记录听证告知书送达 (flow started on its own), checked like every 送达 ({@link ServiceRecord}): the day the service
 * takes effect is {@code noticeDeliveredOn}, from which the five working days for a request run (行政处罚法第六十四条第一项).
 */
@Component("notificationDeliveryGuard")
class NotificationDeliveryGuard implements TaskListener {

    static final ServiceRecord.Fields FIELDS = new ServiceRecord.Fields("听证告知书", NOTICE_DELIVERED_ON, "deliveryMethod",
            "deliveryReceiptNo", "noticeElectronicConsent");

    private final HearingRecords records;

    NotificationDeliveryGuard(HearingRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        ServiceRecord service = ServiceRecord.read(task, FIELDS, day(task.getVariable(NOTIFICATION_MADE_ON)));
        // the party's five working days run from the day the service takes effect (公告送达: thirty days later)
        task.setVariable(NOTICE_DELIVERED_ON, service.effectiveOn().toString());
        task.setVariable(FIELDS.method(), service.method().name());
        task.setVariable(FIELDS.consent(), service.electronicConsent());
        record(records, task, "听证告知书送达", service.describe());
    }
}
