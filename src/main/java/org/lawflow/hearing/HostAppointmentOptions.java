package org.lawflow.hearing;

import static org.lawflow.hearing.HearingTaskChecks.recused;
import static org.lawflow.hearing.HearingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.lawflow.identity.Groups;
import org.lawflow.identity.StaffPicker;
import org.lawflow.system.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * 指定听证主持人 picks people instead of typing user ids: when the task is created (found by its form) it gets the
 * agency's hearing hosts who did not investigate the case and were not recused ({@code hearingHostOptions}), and the
 * agency's other staff who did not investigate it as note-takers ({@code noteTakerOptions}). {@link
 * HostAppointmentGuard} still checks what is submitted.
 */
@Component
class HostAppointmentOptions extends AbstractProcessEnginePlugin {

    static final String FORM = "appoint-hearing-host";
    static final String HOST_OPTIONS = "hearingHostOptions";
    static final String NOTE_TAKER_OPTIONS = "noteTakerOptions";

    private final HearingRecords records;

    HostAppointmentOptions(HearingRecords records) {
        this.records = records;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.onForm(configuration, FORM, TaskListener.EVENTNAME_CREATE, this::offer);
    }

    void offer(DelegateTask task) {
        var c = records.caseById(string(task, CASE_ID)).orElse(null);
        if (c == null) {
            return;
        }
        var staff = new StaffPicker(task.getProcessEngineServices().getIdentityService());
        var recused = recused(task);
        task.setVariableLocal(HOST_OPTIONS, StaffPicker.options(staff.members(Groups.HEARING_HOST, c.agencyId()).stream()
                .filter(p -> !c.officers().contains(p.id()) && !recused.contains(p.id())).toList()));
        task.setVariableLocal(NOTE_TAKER_OPTIONS, StaffPicker.options(staff.staff(c.agencyId()).stream()
                .filter(p -> !c.officers().contains(p.id())).toList()));
    }
}
