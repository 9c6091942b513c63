package org.lawflow.transfer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.lawflow.identity.Groups;
import org.lawflow.identity.StaffPicker;
import org.lawflow.system.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * 指定专案组 picks the team from the agency's officers instead of typing user ids: when the task is created (found by
 * its form) it gets them as {@code officerOptions}; {@code transferTeamGuard} still checks the picked members.
 */
@Component
class TransferTeamOptions extends AbstractProcessEnginePlugin {

    static final String FORM = "form-transfer-team";
    static final String OPTIONS = "officerOptions";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.onForm(configuration, FORM, TaskListener.EVENTNAME_CREATE, TransferTeamOptions::offer);
    }

    static void offer(DelegateTask task) {
        String agency = task.getTenantId() != null ? task.getTenantId()
                : TransferVariables.string(task, TransferVariables.AGENCY_ID);
        var staff = new StaffPicker(task.getProcessEngineServices().getIdentityService());
        task.setVariableLocal(OPTIONS, StaffPicker.options(staff.members(Groups.OFFICER, agency)));
    }
}
