package org.lawflow.hearing;

import static org.lawflow.hearing.HearingTaskChecks.*;
import static org.lawflow.hearing.HearingVariables.*;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 决定是否回避 (行政处罚法第四十三条、第六十四条第四项): the head decides with reasons; a granted recusal excludes
 * the host from being appointed again.
 */
@Component("recusalDecisionGuard")
class RecusalDecisionGuard implements TaskListener {

    private final HearingRecords records;

    RecusalDecisionGuard(HearingRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = string(task, RECUSAL_DECISION);
        if (!"GRANTED".equals(decision) && !"REJECTED".equals(decision)) {
            throw new InvalidInputException(RECUSAL_DECISION, "请选择准予回避或驳回申请");
        }
        String reasons = required(task, "recusalDecisionReasons", "请写明决定理由");
        String host = string(task, HOST);
        if ("GRANTED".equals(decision) && host != null) {
            var recused = new ArrayList<>(recused(task));
            recused.add(host);
            task.setVariable(RECUSED_HOSTS, String.join(",", recused));
        }
        record(records, task, "回避决定", ("GRANTED".equals(decision) ? "准予回避，另行指定主持人" : "驳回回避申请")
                + "；被申请回避人：" + host + "；申请理由：" + string(task, RECUSAL_REASON) + "；决定理由：" + reasons);
    }
}
