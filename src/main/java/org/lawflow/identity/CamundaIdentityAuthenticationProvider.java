package org.lawflow.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** HTTP Basic for /api against the Camunda identity service: one set of users for Tasklist and the API. */
@Component
class CamundaIdentityAuthenticationProvider implements org.springframework.security.authentication.AuthenticationProvider {

    private final IdentityService identityService;

    CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (userId == null || userId.isBlank() || !identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        LawFlowUser user = load(userId);
        var authorities = user.groups().stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    LawFlowUser load(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).toList();
        String name = user == null ? userId : (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName()));
        return new LawFlowUser(userId, name.isBlank() ? userId : name, groups, tenants);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
