package org.lawflow.hearing;

import static org.lawflow.hearing.HearingVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * After the 听证通知书's service is recorded: the hearing may be held only on or after the seventh working day after
 * the service took effect (行政处罚法第六十四条第二项、第八十五条; {@code earliestHearingAfterService}, set by the model
 * just before from the statutory calendar). A hearing set earlier goes back to the host with the reason.
 */
@Component("hearingNoticeTimeliness")
class HearingNoticeTimeliness implements ExecutionListener {

    private final HearingRecords records;

    HearingNoticeTimeliness(HearingRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateExecution execution) {
        LocalDate hearingDay = dateTime(string(execution, HEARING_AT)).toLocalDate();
        LocalDate earliest = day(execution.getVariable(EARLIEST_AFTER_SERVICE));
        boolean inTime = !hearingDay.isBefore(earliest);
        execution.setVariable(NOTICE_IN_TIME, inTime);
        if (inTime) {
            execution.setVariable(RESCHEDULE_REASON, null);
            return;
        }
        String reason = "听证通知书于" + chinese(day(execution.getVariable(NOTICE_EFFECTIVE_ON))) + "送达生效，原定"
                + chinese(hearingDay) + "举行听证不足七个工作日（行政处罚法第六十四条第二项），请重新安排听证，日期不早于"
                + chinese(earliest) + "，并重新送达听证通知书";
        execution.setVariable(RESCHEDULE_REASON, reason);
        records.event(string(execution, CASE_ID), "system", "听证", "听证通知书送达过晚，退回重新安排", reason);
    }
}
