package org.lawflow.identity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks use the user's groups as they are, without first asking the database which groups hold any
 * authorization at all.
 * <p>
 * Why: before every authorization-checked command Camunda reads {@code SELECT distinct(GROUP_ID_) FROM
 * ACT_RU_AUTHORIZATION}, the whole table, to shorten the list of the user's groups in its SQL (meant for directory
 * users with hundreds of groups). The table holds an authorization per open task, so that read grows with the
 * province's open tasks: 1.2 ms per command at 10,000 rows, 2.4 ms at 40,000, about 28 times per review
 * (BENCHMARKS.md, ninth round). LawFlow's users belong to one or two groups, so the shorter list saves nothing, and a
 * group without any authorization matches no row in the checks: the answers are the same.
 */
@Component
class UnfilteredGroupAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new UnfilteredGroupsAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** Camunda's authorization manager, less the whole-table read of the groups that have authorizations. */
    static final class UnfilteredGroupsAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? List.of() : new ArrayList<>(authenticatedGroupIds);
        }
    }
}
