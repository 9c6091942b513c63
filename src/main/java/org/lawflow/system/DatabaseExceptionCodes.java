package org.lawflow.system;

import java.sql.SQLException;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.errorcode.ExceptionCodeProvider;
import org.springframework.stereotype.Component;

/**
 * Gives engine exceptions caused by a lost database connection the error code {@value #DATABASE_UNAVAILABLE}
 * (Camunda's documented "custom exception codes", {@code customExceptionCodeProvider}; codes from 20000 are free for
 * applications). The engine REST API hides the cause of a {@code ProcessEnginePersistenceException} but shows the
 * code, so {@link EngineRestErrorFilter} can answer 503 instead of 500 (DatabaseOutageTest).
 */
@Component
class DatabaseExceptionCodes extends AbstractProcessEnginePlugin {

    static final int DATABASE_UNAVAILABLE = 20503;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomExceptionCodeProvider(new ExceptionCodeProvider() {
            @Override
            public Integer provideCode(org.camunda.bpm.engine.ProcessEngineException e) {
                return DatabaseFailures.isConnectionLoss(e) ? DATABASE_UNAVAILABLE : null;
            }

            @Override
            public Integer provideCode(SQLException e) {
                return DatabaseFailures.isConnectionLoss(e) ? DATABASE_UNAVAILABLE : null;
            }
        });
    }
}
