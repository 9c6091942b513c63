package org.lawflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/** The officer confirms the proposed decision and the rights notice before the 违法行为通知书 is issued (第四十四条). */
@Component("proposedDecisionGuard")
class ProposedDecisionGuard implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!ReviewVariables.isTrue(task, "proposalConfirmed")) {
            throw new InvalidInputException("proposalConfirmed", "请确认拟处罚内容及告知事项");
        }
    }
}
