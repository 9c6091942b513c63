package org.lawflow.hearing;

import static org.lawflow.hearing.HearingTaskChecks.*;
import static org.lawflow.hearing.HearingVariables.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.system.InvalidInputException;
import org.lawflow.system.StatutoryCount;
import org.springframework.stereotype.Component;

/**
 * 安排听证: at least seven working days after the notice (行政处罚法第六十四条第二项; the task's local variable
 * {@code earliestHearingDate}, set by the model just before), public unless secret or private (第三项), at most
 * two agents (第五项).
 */
@Component("hearingScheduleGuard")
class HearingScheduleGuard implements TaskListener {

    static final Set<String> NOT_PUBLIC_REASONS = Set.of("涉及国家秘密", "涉及商业秘密", "涉及个人隐私");

    private final HearingRecords records;

    HearingScheduleGuard(HearingRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        String at = required(task, HEARING_AT, "请填写听证时间");
        LocalDateTime when;
        try {
            when = dateTime(at);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(HEARING_AT, "听证时间格式无效：" + at);
        }
        LocalDate earliestDay = day((Date) task.getVariableLocal("earliestHearingDate"));
        if (when.toLocalDate().isBefore(earliestDay)) {
            throw new InvalidInputException(HEARING_AT, "听证日期最早为" + chinese(earliestDay)
                    + "：行政处罚法第六十四条第二项要求在举行听证的七个工作日前通知当事人听证的时间、地点");
        }
        required(task, HEARING_PLACE, "请填写听证地点");
        boolean isPublic = !"false".equals(String.valueOf(task.getVariable(HEARING_PUBLIC)))
                && task.getVariable(HEARING_PUBLIC) != null;
        String reason = string(task, NOT_PUBLIC_REASON);
        if (!isPublic && (reason == null || !NOT_PUBLIC_REASONS.contains(reason))) {
            throw new InvalidInputException(NOT_PUBLIC_REASON,
                    "听证应当公开举行；不公开的，须选择理由：涉及国家秘密、商业秘密或者个人隐私（第六十四条第三项）");
        }
        String agents = string(task, PARTY_AGENTS);
        long agentCount = agents == null ? 0
                : Arrays.stream(agents.split("[\\n,，;；、]")).filter(s -> !s.isBlank()).count();
        if (agentCount > StatutoryCount.MAX_HEARING_AGENTS.value()) {
            throw new InvalidInputException(PARTY_AGENTS, "当事人可以亲自参加听证，也可以委托一至二人代理（第六十四条第五项），最多填写两名代理人");
        }
        task.setVariable(HEARING_AT, when.toString());
        task.setVariable(HEARING_PUBLIC, isPublic);
        task.setVariable(NOT_PUBLIC_REASON, isPublic ? null : reason);
        record(records, task, "安排听证", "时间：" + when.toString().replace('T', ' ') + "；地点："
                + string(task, HEARING_PLACE) + "；" + (isPublic ? "公开举行" : "不公开举行（" + reason + "）")
                + "；代理人" + agentCount + "名");
    }
}
