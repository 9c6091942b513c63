package org.lawflow.hearing;

import static org.lawflow.hearing.HearingTaskChecks.*;
import static org.lawflow.hearing.HearingVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 记录听证告知书送达 (flow started on its own): the delivery day, from which the five working days for a request
 * run (行政处罚法第六十四条第一项), may not lie in the future.
 */
@Component("notificationDeliveryGuard")
class NotificationDeliveryGuard implements TaskListener {

    private final HearingRecords records;

    NotificationDeliveryGuard(HearingRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        LocalDate delivered = requiredDay(task, NOTICE_DELIVERED_ON, "请填写听证告知书送达日期");
        if (delivered.isAfter(today())) {
            throw new InvalidInputException(NOTICE_DELIVERED_ON, "送达日期不能晚于今天");
        }
        task.setVariable(NOTICE_DELIVERED_ON, delivered.toString());
        record(records, task, "听证告知书送达",
                "送达日期：" + chinese(delivered) + "；送达方式：" + string(task, "deliveryMethod"));
    }
}
