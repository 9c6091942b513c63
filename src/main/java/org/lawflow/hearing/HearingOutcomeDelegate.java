package org.lawflow.hearing;

import static org.lawflow.hearing.HearingVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets {@code hearingOutcome} (input parameter {@code outcome} of the service task: WAIVED, HELD or TERMINATED)
 * and records it in the case.
 */
@Component("hearingOutcomeDelegate")
class HearingOutcomeDelegate implements JavaDelegate {

    static final Map<String, String> MEANING = Map.of(
            "WAIVED", "当事人在申请期限内未申请听证或明确放弃听证，视为放弃听证权利",
            "TERMINATED", "当事人无正当理由拒不出席听证或者未经许可中途退出听证，视为放弃听证权利，听证终止（行政处罚法第六十四条第八项）",
            "HELD", "听证已举行，听证笔录和听证报告已生成；处罚决定应依据听证笔录作出（行政处罚法第六十五条）");

    private final HearingRecords records;

    HearingOutcomeDelegate(HearingRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String value = String.valueOf(execution.getVariableLocal("outcome"));
        if (!MEANING.containsKey(value)) {
            throw new IllegalStateException("Unknown hearing outcome " + value);
        }
        if ("WAIVED".equals(value) && execution.getVariable(REQUEST_DEADLINE) instanceof java.util.Date deadline
                && records.hasUndecidedRequestBy(string(execution, CASE_ID),
                        deadline.toInstant().atZone(CHINA).toOffsetDateTime())) {
            // never a silently changed outcome: the job fails and shows as an incident until a person records it
            throw new IllegalStateException("当事人在申请期限内提出的听证申请已登记收到但尚未处理，不能视为放弃听证："
                    + "请执法人员在“等待或记录听证申请”任务中登记该申请");
        }
        execution.setVariable(OUTCOME, value);
        if (execution.getVariable(REQUESTED) == null) {
            execution.setVariable(REQUESTED, false);
        }
        String detail = MEANING.get(value);
        if ("WAIVED".equals(value) && execution.getVariable(REQUEST_DEADLINE) != null) {
            detail += "；申请期限截止" + chinese(day(execution.getVariable(REQUEST_DEADLINE)));
        }
        records.event(string(execution, CASE_ID), "system", "听证告知", "听证程序结束：" + value, detail);
    }
}
