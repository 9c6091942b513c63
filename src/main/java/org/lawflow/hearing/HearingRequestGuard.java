package org.lawflow.hearing;

import static org.lawflow.hearing.HearingTaskChecks.*;
import static org.lawflow.hearing.HearingVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 等待或记录听证申请: the officer records a request received in time (行政处罚法第六十四条第一项), or an express
 * waiver with the party's statement; a late request cannot be recorded as valid. A request by post counts from its
 * postmark.
 */
@Component("hearingRequestGuard")
class HearingRequestGuard implements TaskListener {

    private final HearingRecords records;

    HearingRequestGuard(HearingRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        String response = string(task, PARTY_RESPONSE);
        if (!"REQUESTED".equals(response) && !"WAIVED".equals(response)) {
            throw new InvalidInputException(PARTY_RESPONSE, "请选择“当事人申请听证”或“当事人明确放弃听证”");
        }
        String note = string(task, REQUEST_NOTE);
        LocalDate deadline = day(task.getVariable(REQUEST_DEADLINE));
        if ("WAIVED".equals(response)) {
            // a waiver is the party's statement, recorded in the note; no request channel is asked for (#29)
            if (note == null) {
                throw new InvalidInputException(REQUEST_NOTE, "明确放弃听证的，请记录当事人的书面声明或笔录内容");
            }
            String channel = string(task, REQUEST_CHANNEL);
            task.setVariable(REQUESTED, false);
            record(records, task, "当事人明确放弃听证", (channel == null ? "" : "方式：" + channelLabel(channel) + "；") + note);
            return;
        }
        String channel = required(task, REQUEST_CHANNEL, "请选择当事人提出申请的方式");
        LocalDate on = requiredDay(task, REQUESTED_ON, "请填写当事人提出听证申请的日期");
        if (on.isAfter(today())) {
            throw new InvalidInputException(REQUESTED_ON, "申请日期不能晚于今天");
        }
        LocalDate postmarked = "MAIL".equals(channel) ? postmark(task, on) : null;
        LocalDate made = postmarked != null ? postmarked : on;
        if (deadline != null && made.isAfter(deadline)) {
            throw new InvalidInputException(postmarked != null ? REQUEST_POSTMARKED_ON : REQUESTED_ON,
                    (postmarked != null ? "邮戳日期" : "申请日期") + chinese(made) + "晚于听证申请期限（" + chinese(deadline)
                    + "届满，行政处罚法第六十四条第一项：告知后五个工作日内提出），属逾期申请，不能登记为有效申请");
        }
        task.setVariable(REQUESTED, true);
        task.setVariable(REQUESTED_ON, on.toString());
        task.setVariable(REQUEST_POSTMARKED_ON, postmarked == null ? null : postmarked.toString());
        String caseId = string(task, CASE_ID);
        records.request(caseId, task.getProcessInstanceId(), on.atStartOfDay(CHINA).toOffsetDateTime(),
                RequestOutcome.ACCEPTED, channel, note, actor(task));
        record(records, task, "登记听证申请", "申请日期：" + chinese(on) + "；方式：" + channelLabel(channel)
                + (postmarked == null ? "" : "；邮戳日期：" + chinese(postmarked) + "（在途时间不计入期间）")
                + "；期限截止：" + chinese(deadline));
    }

    /**
     * A request sent by post is in time when posted in time (在途时间不计入期间: 民事诉讼法第八十五条第四款, applied by
     * analogy): the postmark, if the officer has it, decides; it cannot lie after the day the request arrived.
     */
    private static LocalDate postmark(DelegateTask task, LocalDate received) {
        if (string(task, REQUEST_POSTMARKED_ON) == null) {
            return null;
        }
        LocalDate postmarked = requiredDay(task, REQUEST_POSTMARKED_ON, "请填写邮戳日期");
        if (postmarked.isAfter(received)) {
            throw new InvalidInputException(REQUEST_POSTMARKED_ON, "邮戳日期" + chinese(postmarked) + "晚于收到申请的日期"
                    + chinese(received) + "，请核对信封邮戳");
        }
        return postmarked;
    }
}
