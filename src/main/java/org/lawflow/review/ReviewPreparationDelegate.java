package org.lawflow.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.casefile.PenaltyHistory;
import org.lawflow.casefile.PenaltyRevision;
import org.lawflow.system.ChinaTime;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.CaseLifecycle;
import org.lawflow.casefile.Cases;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/** Puts the facts the rule tables need into the process: amounts against thresholds, heavy penalties, flags. */
@Component("reviewPreparationDelegate")
class ReviewPreparationDelegate implements JavaDelegate {

    private final Cases cases;
    private final CaseLifecycle lifecycle;
    private final ReviewRules rules;
    private final StatutoryDeadlines deadlines;
    private final CaseFlows flows;
    private final ReviewStartCheck startCheck;
    private final PenaltyHistory penalties;

    ReviewPreparationDelegate(Cases cases, CaseLifecycle lifecycle, ReviewRules rules, StatutoryDeadlines deadlines,
            CaseFlows flows, ReviewStartCheck startCheck, PenaltyHistory penalties) {
        this.penalties = penalties;
        this.deadlines = deadlines;
        this.flows = flows;
        this.startCheck = startCheck;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.rules = rules;
    }

    /** Started in Tasklist with only a case number: resolve the case in the starter's agency (the tenant). */
    private EnforcementCase startedFromTasklist(DelegateExecution execution) {
        String caseNo = ReviewVariables.string(execution, CaseFlows.VAR_CASE_NO);
        EnforcementCase c = cases.findByCaseNo(execution.getTenantId(), caseNo)
                .orElseThrow(() -> new InvalidInputException(CaseFlows.VAR_CASE_NO, "本机构没有案号为“" + caseNo + "”的案件"));
        var user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user == null || !c.isOfficer(user.getUserId())) {
            throw new InvalidInputException(CaseFlows.VAR_CASE_NO, "只有本案执法人员可以提请审核");
        }
        execution.setProcessBusinessKey(c.caseNo());
        execution.setVariables(CaseFlows.caseVariables(c));
        execution.setVariable(ReviewVariables.LEAD_OFFICER, user.getUserId());
        return c;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EnforcementCase c = flows.lockForStart(execution.getVariable(CaseFlows.VAR_CASE_ID) != null
                ? cases.findById(ReviewVariables.caseId(execution)).orElseThrow(() -> new IllegalStateException("案件不存在"))
                : startedFromTasklist(execution));
        startCheck.check(c, execution.getProcessInstanceId());
        execution.setVariables(rules.facts(c));
        execution.setVariable(ReviewVariables.PROPOSED_FINE, c.fineAmount().doubleValue());
        execution.setVariable(ReviewVariables.HEARING_OUTCOME, "NONE");
        execution.setVariable("proposedPenalty", c.penaltySummary());
        execution.setVariable("filedOn", (c.filedOn() == null ? ChinaTime.today() : c.filedOn()).toString());
        // the statement period is set by each province: the 违法行为通知书 states the configured one
        execution.setVariable("statementPeriodWorkdays", deadlines.amount(StatutoryPeriod.STATEMENT_DEFENCE));
        // the proposal this procedure starts from: the first entry of its penalty history
        penalties.record(c, PenaltyRevision.Stage.PROPOSED, c.fineAmount(),
                ReviewVariables.string(execution, ReviewVariables.LEAD_OFFICER), "提请审核时案卷载明的拟处罚决定");
        lifecycle.reviewStarted(c.id());
    }
}
