package org.lawflow.desk;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.lawflow.identity.Groups;
import org.lawflow.identity.LawFlowUser;
import org.lawflow.identity.StaffPicker;
import org.springframework.stereotype.Component;

/**
 * {@code officerOptions}: the agency's officers (涉嫌犯罪案件移送's 专案组 on the start form), the same people and
 * labels as the 指定专案组 task gets; the start checks the picked members again.
 */
@Component
class OfficerOptions implements StartFormOptions {

    private final StaffPicker staff;

    OfficerOptions(IdentityService identityService) {
        this.staff = new StaffPicker(identityService);
    }

    @Override
    public String key() {
        return "officerOptions";
    }

    @Override
    public List<Option> options(String processKey, List<String> agencies, LawFlowUser user) {
        return agencies.stream().flatMap(a -> staff.members(Groups.OFFICER, a).stream())
                .map(p -> new Option(p.label(), p.id())).distinct().toList();
    }
}
