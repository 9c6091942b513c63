package org.lawflow.casefile;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.lawflow.system.ConflictException;
import org.lawflow.system.InvalidInputException;
import org.lawflow.system.ParseListeners;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every flow of a case starts on a case of the caller's agency, and 立案 first; inside the engine, however the
 * instance was started (/api, engine REST start or submit-form, a Tasklist start form, another flow):
 * <ul>
 * <li>the case (by {@code caseId}, else by {@code caseNo} in the instance's tenant) must exist, belong to the
 * instance's tenant, and that tenant must be one of the starting user's agencies (the engine's own tenant check:
 * jobs and administrators pass). Otherwise the one answer "未找到案件", whether the case is missing or another
 * agency's (issue #27, item 2: a haidong officer started a review on a xining case and its notice went out);</li>
 * <li>the procedures in {@link #FILING_REQUIRED}: {@link CaseFileService#requireFiled}, and not on a case whose
 * status {@link CaseLifecycle} would not let the procedure move ({@link #FIRST_MOVE}: no transfer of a closed case);</li>
 * <li>the 立案 approval, started by a user: only on a registered case, one at a time.</li>
 * </ul>
 * A built-in listener on the process start, added at parse time: start instructions that skip the start event and
 * first steps, and {@code skipCustomListeners}, do not pass by it as they would by a listener in the BPMN.
 */
@Component
class CaseFilingGate extends AbstractProcessEnginePlugin {

    /** The procedures against the party, with their names for the refusal. */
    static final Map<String, String> FILING_REQUIRED = Map.of(
            "major-decision-review", "重大行政执法决定法制审核",
            "hearing-notice", "听证告知",
            "criminal-case-transfer", "涉嫌犯罪案件移送");

    /** The status move a procedure makes first: its start is refused where the lifecycle would refuse that move. */
    static final Map<String, CaseLifecycle.Event> FIRST_MOVE = Map.of(
            "criminal-case-transfer", CaseLifecycle.Event.TRANSFER_APPROVED);

    /**
     * A clue about an official's conduct is no penalty procedure, and 监察法第三十七条 requires its transfer whether or
     * not this case is filed (a refused 立案 must not bury it): it neither waits for 立案 nor ends with 不予立案.
     */
    static final Set<String> NO_FILING_NEEDED = Set.of(CaseFlows.DISCIPLINE_CLUE_TRANSFER);

    /** The flows that start on a case (the statistics and digest flows start on none). */
    static final Set<String> CASE_BOUND = Set.of(CaseFlows.CASE_FILING, "major-decision-review", "hearing-notice",
            "criminal-case-transfer", "discipline-clue-transfer", "publication-withdrawal", "penalty-enforcement");

    // lazily: the service needs the engine that this plugin helps to build
    private final ObjectProvider<CaseFileService> caseFiles;
    private final ObjectProvider<CaseFlows> flows;
    private final CaseRepository cases;

    CaseFilingGate(ObjectProvider<CaseFileService> caseFiles, ObjectProvider<CaseFlows> flows, CaseRepository cases) {
        this.caseFiles = caseFiles;
        this.flows = flows;
        this.cases = cases;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                if (CASE_BOUND.contains(definition.getKey())) {
                    definition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                            (ExecutionListener) execution -> check(definition.getKey(), execution));
                }
            }
        });
    }

    /**
     * Whether the status rules of {@link #check} let {@code processKey} start on a case in {@code status}: for the
     * procedures against the party a filed case that is neither closed nor past the first move; the clue on any case.
     * For start forms that offer only such cases; the running 立案 approval is left to the start itself.
     */
    static boolean mayStartOn(String processKey, CaseStatus status) {
        if (NO_FILING_NEEDED.contains(processKey)) {
            return true;
        }
        if (!status.isFiled() || status == CaseStatus.CLOSED) {
            return false;
        }
        var firstMove = FIRST_MOVE.get(processKey);
        return firstMove == null || CaseLifecycle.target(status, firstMove).isPresent();
    }

    private void check(String processKey, DelegateExecution execution) {
        EnforcementCase c = caseOf(execution);
        if (FILING_REQUIRED.containsKey(processKey)) {
            caseFiles.getObject().requireFiled(c, processKey);
            if (FIRST_MOVE.containsKey(processKey)) {
                CaseLifecycle.requireStartable(c.status(), FIRST_MOVE.get(processKey), FILING_REQUIRED.get(processKey));
            }
        } else if (CaseFlows.CASE_FILING.equals(processKey) && startedByAUser() && (c.status() != CaseStatus.REGISTERED
                || flows.getObject().isRunningOther(processKey, c, execution.getProcessInstanceId()))) {
            // a user starts it once, with the registration; server work without a user (jobs, repairs) is not held
            throw new ConflictException("本案的立案审批已在办理或已办结，不能再次发起");
        }
    }

    /**
     * By id (/api, called flows), else by number in the starter's agency (Tasklist start forms); only a case of the
     * instance's tenant that the starting user may act for. Missing and another agency's case: the same refusal.
     */
    private EnforcementCase caseOf(DelegateExecution execution) {
        Object id = execution.getVariable(CaseFlows.VAR_CASE_ID);
        Object caseNo = execution.getVariable(CaseFlows.VAR_CASE_NO);
        String tenant = execution.getTenantId();
        Optional<EnforcementCase> found = id != null ? uuid(id).flatMap(cases::findById)
                : caseNo != null && tenant != null ? cases.findByCaseNo(tenant, String.valueOf(caseNo).strip())
                : Optional.empty();
        return found.filter(c -> c.agencyId().equals(tenant) && startingUserActsFor(tenant))
                .orElseThrow(() -> new InvalidInputException(CaseFlows.VAR_CASE_NO,
                        "未找到案件" + (caseNo == null ? "" : "“" + caseNo + "”") + "，请填写本机构的案号"));
    }

    private static boolean startedByAUser() {
        CommandContext context = Context.getCommandContext();
        return context != null && context.getAuthentication() != null;
    }

    /** The engine's tenant check: the authenticated user belongs to the agency; no user (a job) or an administrator passes. */
    private static boolean startingUserActsFor(String tenant) {
        CommandContext context = Context.getCommandContext();
        return context == null || context.getTenantManager().isAuthenticatedTenant(tenant);
    }

    private static Optional<UUID> uuid(Object value) {
        try {
            return Optional.of(UUID.fromString(String.valueOf(value)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
