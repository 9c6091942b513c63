package org.lawflow.bench;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

import com.zaxxer.hikari.HikariDataSource;
import org.lawflow.ScratchDatabase;

/**
 * The baseline (b): a bare Camunda engine (no Spring, no LawFlow) on its own fresh database of the same PostgreSQL
 * server, with LawFlow's history level, removal-time strategy, history TTL, id generator (the starter's strong
 * UUIDs), job-executor threads/queue/acquisition and connection-pool size ({@link EngineSettings}). It deploys the
 * very BPMN files of LawFlow, changed in memory only where LawFlow code would run:
 * <ul>
 * <li>every service-task delegate, task listener and execution listener becomes a no-op (their field injections are
 * dropped, since a no-op has no fields); async markers, timers, gateways, sub-process and call activity stay;</li>
 * <li>the business-rule tasks evaluate LawFlow's real DMN decisions (deployed too);</li>
 * <li>{@code deadlines.due(..)} (due dates and timer dates) is a constant 30 days ahead instead of the statutory
 * calendar; the timers are created and cancelled as in LawFlow, never fired;</li>
 * <li>Camunda Forms references are removed (forms are only read by Tasklist, not by the engine on this path);</li>
 * <li>the called hearing-notice is an empty process (not reached: no hearing rights at this amount).</li>
 * </ul>
 * Authorization checks are off (the engine default), LawFlow has them on: that cost is LawFlow's.
 */
final class BareEngineBaseline implements FlowTarget, AutoCloseable {

    /** Calls of the no-op delegates, to show the baseline really passed the service tasks. */
    static final AtomicLong NO_OP_CALLS = new AtomicLong();
    private static final AtomicLong CASE_NUMBERS = new AtomicLong();

    private final ProcessEngine engine;
    private final HikariDataSource dataSource;

    private BareEngineBaseline(ProcessEngine engine, HikariDataSource dataSource) {
        this.engine = engine;
        this.dataSource = dataSource;
    }

    static BareEngineBaseline start(ScratchDatabase db, EngineSettings settings) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db.url());
        dataSource.setUsername(db.user());
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(settings.connectionPoolSize());
        dataSource.setPoolName("baseline");

        var jobExecutor = new DefaultJobExecutor();
        jobExecutor.setCorePoolSize(settings.corePoolSize());
        jobExecutor.setMaxPoolSize(settings.maxPoolSize());
        jobExecutor.setQueueSize(settings.queueCapacity());
        jobExecutor.setMaxJobsPerAcquisition(settings.maxJobsPerAcquisition());
        jobExecutor.setWaitTimeInMillis((int) settings.waitTimeMillis());
        jobExecutor.setMaxWait(settings.maxWaitMillis());

        var config = new StandaloneProcessEngineConfiguration();
        config.setProcessEngineName("bench-baseline");
        config.setDataSource(dataSource);
        config.setDatabaseSchemaUpdate("true");
        config.setHistory(settings.historyLevel());
        config.setHistoryRemovalTimeStrategy(settings.removalTimeStrategy());
        config.setHistoryTimeToLive(settings.historyTimeToLive());
        config.setEnforceHistoryTimeToLive(true);
        config.setIdGenerator(new StrongUuidGenerator());
        config.setJavaSerializationFormatEnabled(false);
        config.setJobExecutor(jobExecutor);
        config.setJobExecutorActivate(true);
        config.setMetricsEnabled(true);
        // the timers' own expressions: the reminders' (the task's due date) and the 90-day limit's
        config.setBeans(new HashMap<>(Map.of("noOp", new NoOp(), "deadlines", new ConstantDeadlines(),
                "taskDueDate", new org.lawflow.system.TaskDueDate(), "decisionLimitReminders", new ConstantDeadlines())));
        config.getProcessEnginePlugins().add(new TaskSignals());
        ProcessEngine engine = config.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("baseline")
                .addModelInstance("major-decision-review.bpmn", noOpShape("/bpmn/major-decision-review.bpmn"))
                .addModelInstance("case-filing-approval.bpmn", noOpShape("/bpmn/case-filing-approval.bpmn"))
                .addModelInstance("hearing-notice.bpmn", Bpmn.createExecutableProcess("hearing-notice")
                        .camundaHistoryTimeToLive(3650).startEvent().endEvent().done())
                .addClasspathResource("bpmn/decisions/major-decision-rules.dmn")
                .deploy();
        return new BareEngineBaseline(engine, dataSource);
    }

    /** LawFlow's BPMN with every piece of LawFlow code replaced by the no-op (see the class comment). */
    static BpmnModelInstance noOpShape(String resource) {
        BpmnModelInstance model = Bpmn.readModelFromStream(BareEngineBaseline.class.getResourceAsStream(resource));
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "class");
            task.setCamundaDelegateExpression("${noOp}");
            if (task.getExtensionElements() != null) {
                task.getExtensionElements().getElementsQuery().filterByType(CamundaField.class).list()
                        .forEach(field -> task.getExtensionElements().removeChildElement(field));
            }
        }
        for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
            listener.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "class");
            listener.setCamundaDelegateExpression("${noOp}");
        }
        for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
            listener.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "class");
            listener.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "expression");
            listener.setCamundaDelegateExpression("${noOp}");
        }
        for (var element : model.getModelElementsByType(UserTask.class)) {
            element.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "formRef");
            element.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "formRefBinding");
        }
        for (var element : model.getModelElementsByType(StartEvent.class)) {
            element.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "formRef");
            element.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "formRefBinding");
        }
        return model;
    }

    @Override
    public ProcessEngine engine() {
        return engine;
    }

    @Override
    public FlowCase register(int i) {
        // numbered across warm-up and measured runs: the business key must be unique like a real case number
        String caseNo = "宁交执罚〔2026〕基准" + CASE_NUMBERS.incrementAndGet() + "号";
        String caseId = java.util.UUID.randomUUID().toString();
        engine.getRuntimeService().startProcessInstanceByKey("case-filing-approval", caseNo,
                Map.of("caseId", caseId, "caseNo", caseNo, "agencyId", "xining"));
        return new FlowCase(caseId, caseNo);
    }

    /**
     * The routing variables LawFlow's preparation delegate computes from the case (same values as the LawFlow
     * flows: citizen, fine 3,000, major public interest) and the decision date the decision delegate records.
     */
    @Override
    public void startReview(FlowCase c) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", c.id());
        variables.put("caseNo", c.caseNo());
        variables.put("agencyId", "xining");
        variables.put("leadOfficer", SimulatedUsers.OFFICER);
        variables.put("largeAmount", false);
        variables.put("heavyPenalty", false);
        variables.put("majorPublicInterest", true);
        variables.put("complexCase", false);
        variables.put("hearingOutcome", "NONE");
        variables.put("proposedFine", 3000.0);
        variables.put("decidedOn", java.time.LocalDate.now().toString());
        variables.put("filedOn", java.time.LocalDate.now().toString());
        engine.getRuntimeService().startProcessInstanceByKey("major-decision-review", c.caseNo(), variables);
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
    }

    /** Does nothing, for every delegate and listener of the baseline. */
    static final class NoOp implements JavaDelegate, TaskListener, ExecutionListener {
        @Override
        public void execute(DelegateExecution execution) {
            NO_OP_CALLS.incrementAndGet();
        }

        @Override
        public void notify(DelegateTask task) {
            // nothing
        }

        @Override
        public void notify(DelegateExecution execution) {
            // nothing
        }
    }

    /** Stands in for the statutory calendar: every deadline 30 days ahead. */
    public static final class ConstantDeadlines {
        public Date due(String period, Object from) {
            return Date.from(java.time.Instant.now().plus(Duration.ofDays(30)));
        }

        /** As {@code review.DecisionLimitReminders#due(execution, period)}. */
        public Date due(org.camunda.bpm.engine.delegate.DelegateExecution execution, String period) {
            return due(period, (Object) null);
        }

        /** As {@code review.DecisionLimitReminders#inForce}: no extension in the benchmark. */
        public Date inForce(org.camunda.bpm.engine.delegate.VariableScope scope, Date statutory) {
            return statutory;
        }

        /** As {@code review.DecisionLimitReminders#ahead}. */
        public boolean ahead(org.camunda.bpm.engine.delegate.DelegateExecution execution, String period) {
            return true;
        }
    }
}
