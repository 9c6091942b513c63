package org.lawflow.system;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Definitions are shared (no tenant); every instance carries its case's agency as tenant. The agency comes
 * from the {@code agencyId} start variable (API starts), else from the calling instance (call activities),
 * else from the starting user's single agency (Tasklist starts). A start whose tenant is not its case's agency, or not
 * an agency of the starting user, is refused at the process start (casefile's CaseFilingGate); the engine REST
 * accepts no {@code agencyId} from clients (DeclaredVariablesFilter: not a form field).
 */
@Component
class TenantAssignment extends AbstractProcessEnginePlugin implements TenantIdProvider {

    static final String AGENCY_VARIABLE = "agencyId";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        Object agency = ctx.getVariables() == null ? null : ctx.getVariables().get(AGENCY_VARIABLE);
        if (agency instanceof String id && !id.isBlank()) {
            return id;
        }
        DelegateExecution superExecution = ctx.getSuperExecution();
        if (superExecution != null) {
            return superExecution.getTenantId();
        }
        return singleTenantOfCurrentUser();
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : singleTenantOfCurrentUser();
    }

    private static String singleTenantOfCurrentUser() {
        var commandContext = Context.getCommandContext();
        var authentication = commandContext == null ? null : commandContext.getAuthentication();
        if (authentication != null && authentication.getTenantIds() != null
                && authentication.getTenantIds().size() == 1) {
            return authentication.getTenantIds().get(0);
        }
        return null;
    }
}
