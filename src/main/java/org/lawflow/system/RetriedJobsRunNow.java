package org.lawflow.system;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.jobexecutor.MessageAddedNotification;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * A failed job whose retries are raised again (Cockpit's 增加重试次数, {@code PUT /engine-rest/job/{id}/retries},
 * {@code POST /engine-rest/job/retries}, {@code managementService.setJobRetries}) is due at once, not at the retry
 * time its last failure set ({@code failedJobRetryTimeCycle} R5/PT5M: up to 5 minutes later) — the operator has just
 * fixed the cause (the mail server is back) and expects the mail now. An explicit due date in the request (Cockpit's
 * "absolute" option) still wins: Camunda applies it after this.
 * <p>
 * Why an engine plugin and not a filter on the REST paths: the same command is reached by four URLs (engine REST and
 * the webapps' own engine API, single job and batch) and by Java; and only the engine knows, job by job, which jobs
 * had failed. Raising the retries of a failed job (0 → n) resolves its {@code failedJob} incident, so the hook is the
 * incident handler's {@code resolveIncident}, inside the same command: a timer or message job that never failed
 * is never touched (a filter that added "due now" to every retries request would fire statutory-deadline timers
 * early). The handler replaces Camunda's default one for {@code failedJob} and does everything it does.
 */
@Component
class RetriedJobsRunNow extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = new ArrayList<>();
        if (configuration.getCustomIncidentHandlers() != null) {
            handlers.addAll(configuration.getCustomIncidentHandlers());
        }
        handlers.add(new DueNowWhenRetried());
        configuration.setCustomIncidentHandlers(handlers);
    }

    /** Camunda's failed-job incident handling, plus: a job whose incident is resolved by new retries is due now. */
    static final class DueNowWhenRetried extends DefaultIncidentHandler {

        DueNowWhenRetried() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        public void resolveIncident(IncidentContext context) {
            super.resolveIncident(context);
            var commandContext = Context.getCommandContext();
            var job = commandContext.getJobManager().findJobById(context.getConfiguration());
            Date now = ClockUtil.getCurrentTime();
            if (job == null || job.getDuedate() == null || !job.getDuedate().after(now)) {
                return;
            }
            job.setDuedate(now);
            var jobExecutor = commandContext.getProcessEngineConfiguration().getJobExecutor();
            if (jobExecutor != null && jobExecutor.isActive()) {
                commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                        new MessageAddedNotification(jobExecutor));
            }
        }
    }
}
