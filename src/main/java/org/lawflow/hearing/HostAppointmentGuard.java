package org.lawflow.hearing;

import static org.lawflow.hearing.HearingTaskChecks.*;
import static org.lawflow.hearing.HearingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.identity.Groups;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 指定听证主持人: a member of the agency's group hearing-host who is not an investigator of the case
 * (行政处罚法第六十四条第四项) and not recused; the note-taker is optional, neither the host nor an investigator.
 */
@Component("hostAppointmentGuard")
class HostAppointmentGuard implements TaskListener {

    private final HearingRecords records;

    HostAppointmentGuard(HearingRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        String host = required(task, HOST, "请指定听证主持人");
        var c = records.caseById(string(task, CASE_ID)).orElseThrow();
        if (c.officers().contains(host)) {
            throw new InvalidInputException(HOST, "“" + host + "”是本案的调查人员，不得主持听证"
                    + "（行政处罚法第六十四条第四项：听证由行政机关指定的非本案调查人员主持）");
        }
        if (recused(task).contains(host)) {
            throw new InvalidInputException(HOST, "“" + host + "”已被决定回避，请另行指定听证主持人");
        }
        var identity = task.getProcessEngineServices().getIdentityService();
        var query = identity.createUserQuery().userId(host).memberOfGroup(Groups.HEARING_HOST);
        if (task.getTenantId() != null) {
            query.memberOfTenant(task.getTenantId());
        }
        var user = query.singleResult();
        if (user == null) {
            throw new InvalidInputException(HOST, "“" + host + "”不是本机构的听证主持人（须属于“听证主持人”组）");
        }
        String noteTaker = string(task, NOTE_TAKER);
        if (noteTaker != null && noteTaker.equals(host)) {
            throw new InvalidInputException(NOTE_TAKER, "记录员不能由听证主持人兼任");
        }
        if (noteTaker != null && c.officers().contains(noteTaker)) {
            throw new InvalidInputException(NOTE_TAKER, "记录员不得由本案调查人员担任");
        }
        String name = org.lawflow.identity.StaffPicker.name(user);
        // documents name the note-taker, not the login picked (one not on the staff list stays as entered)
        String noteTakerName = noteTaker == null ? null : staffName(identity, task.getTenantId(), noteTaker);
        task.setVariable(HOST, host);
        task.setVariable(HOST_NAME, name);
        task.setVariable(NOTE_TAKER, noteTaker);
        task.setVariable(NOTE_TAKER_NAME, noteTakerName);
        record(records, task, "指定听证主持人", "主持人：" + name + "（" + host + "）"
                + (noteTaker == null ? "" : "；记录员：" + noteTakerName));
    }

    private static String staffName(org.camunda.bpm.engine.IdentityService identity, String tenant, String id) {
        var query = identity.createUserQuery().userId(id);
        if (tenant != null) {
            query.memberOfTenant(tenant);
        }
        var staff = query.singleResult();
        return staff == null ? id : org.lawflow.identity.StaffPicker.name(staff);
    }
}
