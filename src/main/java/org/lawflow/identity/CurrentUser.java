package org.lawflow.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The user of the current /api request, as authenticated against the Camunda identity service. */
@Component
public class CurrentUser {

    public LawFlowUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LawFlowUser user) {
            return user;
        }
        throw new IllegalStateException("No authenticated LawFlow user in this request");
    }
}
