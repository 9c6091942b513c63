package org.lawflow.identity;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine work under a chosen authentication and then restores the thread's own: either as a given user (so
 * Camunda's tenant checks and authorizations decide what is seen) or unrestricted, for work the caller has already
 * authorized itself (message correlation after the case's agency was checked, counts across agencies).
 */
@Component
public class EngineAuthentication {

    private final IdentityService identityService;

    EngineAuthentication(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Without the current user's tenant filter and authorizations. */
    public <T> T unrestricted(Supplier<T> work) {
        return runAs(null, work);
    }

    /** As {@code user}: their groups and agencies (tenants). */
    public <T> T asUser(LawFlowUser user, Supplier<T> work) {
        return runAs(new Authentication(user.id(), user.groups(), user.agencies()), work);
    }

    private <T> T runAs(Authentication authentication, Supplier<T> work) {
        Authentication previous = identityService.getCurrentAuthentication();
        if (authentication == null) {
            identityService.clearAuthentication();
        } else {
            identityService.setAuthentication(authentication);
        }
        try {
            return work.get();
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
    }
}
