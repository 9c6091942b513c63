package org.lawflow.hearing;

import static org.lawflow.hearing.HearingVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The three ways hearing-notice ends, one bean per step of the model: each sets {@code hearingOutcome} (WAIVED,
 * HELD or TERMINATED, read by the calling review) and records what the outcome means in the case.
 */
@Configuration
class HearingOutcomeDelegates {

    /** 记录放弃听证: no request in the window, or an express waiver. */
    @Bean
    JavaDelegate hearingWaiverRecordDelegate(HearingRecords records) {
        return execution -> {
            if (execution.getVariable(REQUEST_DEADLINE) instanceof Date deadline
                    && records.hasUndecidedRequestBy(string(execution, CASE_ID),
                            deadline.toInstant().atZone(CHINA).toOffsetDateTime())) {
                // never a silently changed outcome: the job fails and shows as an incident until a person records it
                throw new IllegalStateException("当事人在申请期限内提出的听证申请已登记收到但尚未处理，不能视为放弃听证："
                        + "请执法人员在“等待或记录听证申请”任务中登记该申请");
            }
            String detail = "当事人在申请期限内未申请听证或明确放弃听证，视为放弃听证权利";
            if (execution.getVariable(REQUEST_DEADLINE) != null) {
                detail += "；申请期限截止" + chinese(day(execution.getVariable(REQUEST_DEADLINE)));
            }
            end(records, execution, "WAIVED", detail);
        };
    }

    /** 记录听证已举行: record and report are done. */
    @Bean
    JavaDelegate hearingHeldRecordDelegate(HearingRecords records) {
        return execution -> end(records, execution, "HELD",
                "听证已举行，听证笔录和听证报告已生成；处罚决定应依据听证笔录作出（行政处罚法第六十五条）");
    }

    /** 记录视为放弃听证: the party stayed away without good reason or left. */
    @Bean
    JavaDelegate hearingTerminationRecordDelegate(HearingRecords records) {
        return execution -> end(records, execution, "TERMINATED",
                "当事人无正当理由拒不出席听证或者未经许可中途退出听证，视为放弃听证权利，听证终止（行政处罚法第六十四条第八项）");
    }

    private static void end(HearingRecords records, DelegateExecution execution, String outcome, String detail) {
        execution.setVariable(OUTCOME, outcome);
        if (execution.getVariable(REQUESTED) == null) {
            execution.setVariable(REQUESTED, false);
        }
        records.event(string(execution, CASE_ID), "system", "听证告知", "听证程序结束：" + outcome, detail);
    }
}
