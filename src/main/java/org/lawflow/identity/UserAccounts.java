package org.lawflow.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Creates users with their group and agency memberships; shared by the demo data and the production admin. */
@Component
class UserAccounts {

    private final IdentityService identityService;

    UserAccounts(IdentityService identityService) {
        this.identityService = identityService;
    }

    boolean exists(String userId) {
        return identityService.createUserQuery().userId(userId).count() > 0;
    }

    /** Creates the user if missing and adds any missing memberships; never resets an existing password. */
    void ensure(String userId, String fullName, String password, List<String> groups, List<String> agencies) {
        if (!exists(userId)) {
            var user = identityService.newUser(userId);
            // Chinese names: family name first; Camunda shows "firstName lastName", so keep it in one field.
            user.setFirstName(fullName);
            user.setLastName("");
            user.setEmail(userId + "@lawflow.example");
            user.setPassword(password);
            identityService.saveUser(user);
        }
        for (String group : groups) {
            if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
                identityService.createMembership(userId, group);
            }
        }
        for (String agency : agencies) {
            if (identityService.createUserQuery().userId(userId).memberOfTenant(agency).count() == 0) {
                identityService.createTenantUserMembership(agency, userId);
            }
        }
    }
}
