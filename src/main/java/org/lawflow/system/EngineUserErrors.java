package org.lawflow.system;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers, for the current HTTP request, an {@link InvalidInputException} or {@link ConflictException} that a
 * listener or delegate threw inside an engine command. The engine REST answers such a failure with 500 (a task
 * listener's exception arrives wrapped in ENGINE-03051); {@link EngineRestErrorFilter} turns it into the 400 naming
 * the field, or the 409, that {@code /api} gives for the same check. It also notes the engine user of the request's
 * commands ({@link #CALLER}), so that the filter can answer another agency's ids as missing ones.
 */
@Component
class EngineUserErrors extends AbstractProcessEnginePlugin {

    static final String ATTRIBUTE = EngineUserErrors.class.getName();
    /** The engine user of the request's commands, for telling another agency's ids from missing ones. */
    static final String CALLER = ATTRIBUTE + ".caller";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                rememberCaller(configuration.getIdentityService().getCurrentAuthentication());
                try {
                    return next.execute(command);
                } catch (RuntimeException e) {
                    remember(e);
                    throw e;
                }
            }
        });
    }

    /** The user error in the cause chain, or null. */
    static RuntimeException userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidInputException || t instanceof ConflictException) {
                return (RuntimeException) t;
            }
        }
        return null;
    }

    private static void rememberCaller(Authentication caller) {
        RequestAttributes request = caller == null ? null : RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(CALLER, caller, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static void remember(RuntimeException e) {
        RuntimeException userError = userError(e);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (userError != null && request != null) {
            request.setAttribute(ATTRIBUTE, userError, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
