package org.lawflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's commands run with {@link UnfilteredGroupAuthorizations}' manager, which passes the user's groups
 * through instead of reading the authorization table for them. That the answers stay the same is what the access
 * matrix, the Tasklist tests and every flow test show; this checks that the manager is the one in use.
 */
@LawFlowSpringTest
class UnfilteredGroupAuthorizationsTest {

    @Autowired ProcessEngine engine;

    @Test
    void commandsUseTheUnfilteredManagerAndKeepEveryGroup() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<String> groups = configuration.getCommandExecutorTxRequired().execute(context -> {
            assertThat(context.getAuthorizationManager())
                    .isInstanceOf(UnfilteredGroupAuthorizations.UnfilteredGroupsAuthorizationManager.class);
            // a group that holds no authorization stays in the list: it matches no row in the checks anyway
            return context.getAuthorizationManager().filterAuthenticatedGroupIds(
                    List.of(Groups.LEGAL_REVIEWER, "group-without-any-authorization"));
        });
        assertThat(groups).containsExactly(Groups.LEGAL_REVIEWER, "group-without-any-authorization");
    }
}
