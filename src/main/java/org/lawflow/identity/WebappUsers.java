package org.lawflow.identity;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * The user logged into the Camunda webapps (Tasklist) in this browser: LawFlow's pages opened from a task form (the
 * case dossier, its PDFs) use that login instead of asking for a second one. Only an existing session counts (none is
 * created), and the user's groups and agencies are read afresh from the identity service, as for /api.
 */
@Component
public class WebappUsers {

    static final String ENGINE = "default";
    /** Where Camunda's webapps keep the login in the session (AuthenticationUtil.CAM_AUTH_SESSION_KEY). */
    static final String SESSION_KEY = "authenticatedUser";

    private final CamundaIdentityAuthenticationProvider users;

    WebappUsers(CamundaIdentityAuthenticationProvider users) {
        this.users = users;
    }

    public Optional<LawFlowUser> fromSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        // read, never written (AuthenticationUtil.getAuthsFromSession would store an empty one)
        Object stored = session.getAttribute(SESSION_KEY);
        if (!(stored instanceof Authentications authentications)
                || !(authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user)) {
            return Optional.empty();
        }
        LawFlowUser found = users.load(user.getIdentityId());
        // a user deleted since the login has no groups left: no access
        return found.groups().isEmpty() ? Optional.empty() : Optional.of(found);
    }
}
