package org.lawflow.hearing;

import static org.lawflow.hearing.HearingTaskChecks.*;
import static org.lawflow.hearing.HearingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.system.ServiceRecord;
import org.springframework.stereotype.Component;

/**
 * 记录听证通知书送达: the service is checked like every 送达 ({@link ServiceRecord}); the day it takes effect
 * ({@code hearingNoticeEffectiveOn}, 30 days after a public notice) is what the seven working days before the hearing
 * count from (行政处罚法第六十四条第二项), checked next by {@link HearingNoticeTimeliness}.
 */
@Component("hearingNoticeServiceGuard")
class HearingNoticeServiceGuard implements TaskListener {

    static final ServiceRecord.Fields FIELDS = new ServiceRecord.Fields("听证通知书", NOTICE_SERVED_ON,
            "hearingNoticeServiceMethod", "hearingNoticeReceiptNo", "hearingNoticeElectronicConsent");

    private final HearingRecords records;

    HearingNoticeServiceGuard(HearingRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        ServiceRecord service = ServiceRecord.read(task, FIELDS, day(task.getVariable(NOTICE_MADE_ON)));
        task.setVariable(NOTICE_SERVED_ON, service.servedOn().toString());
        task.setVariable(FIELDS.method(), service.method().name());
        task.setVariable(FIELDS.consent(), service.electronicConsent());
        task.setVariable(NOTICE_EFFECTIVE_ON, service.effectiveOn().toString());
        record(records, task, "听证通知书送达", service.describe());
    }
}
