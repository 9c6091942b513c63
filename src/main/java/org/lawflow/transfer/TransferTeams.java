package org.lawflow.transfer;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.lawflow.identity.Groups;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/** 专案组 (国务院令第310号第五条): at least two officers (执法人员) of the case's agency. */
@Component
class TransferTeams {

    private final IdentityService identityService;
    private final TransferSettings settings;

    TransferTeams(IdentityService identityService, TransferSettings settings) {
        this.identityService = identityService;
        this.settings = settings;
    }

    /** The validated members; errors name {@code field} or {@code field[i]}. */
    List<String> validate(Object team, String agencyId, String field) {
        List<String> members = TransferVariables.members(team);
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            boolean officer = identityService.createUserQuery().userId(member).memberOfGroup(Groups.OFFICER)
                    .memberOfTenant(agencyId).count() == 1;
            if (!officer) {
                throw new InvalidInputException(field + "[" + i + "]", "“" + member + "”不是本机构的执法人员");
            }
        }
        if (members.size() < settings.minTeamSize()) {
            throw new InvalidInputException(field,
                    "专案组应当由" + settings.minTeamSize() + "名或者" + settings.minTeamSize() + "名以上执法人员组成（国务院令第310号第五条）");
        }
        return members;
    }
}
