package org.lawflow.hearing;

import static org.lawflow.hearing.HearingTaskChecks.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 撰写听证报告 (行政处罚法第六十五条): the host's opinion is required and recorded. */
@Component("hearingReportGuard")
class HearingReportGuard implements TaskListener {

    private final HearingRecords records;

    HearingReportGuard(HearingRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        String opinion = required(task, "hearingOpinion", "请填写听证主持人的处理意见");
        record(records, task, "听证报告", opinion);
    }
}
