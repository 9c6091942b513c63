package org.lawflow.hearing;

import static org.lawflow.hearing.HearingVariables.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.lawflow.system.ConflictException;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Start of hearing-notice. Called from the review, the case variables are given; started on its own (REST or
 * Tasklist start form) the case is found by its number. Puts the investigators into {@code caseOfficers}
 * (candidates of the officers' tasks, and whom the host must not be) and records the start.
 */
@Component("hearingStartListener")
class HearingStartListener implements ExecutionListener {

    private final HearingRecords records;

    HearingStartListener(HearingRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String caseId = string(execution, CASE_ID);
        String caseNo = string(execution, CASE_NO);
        var found = caseId != null ? records.caseById(caseId)
                : caseNo != null ? records.caseByNo(execution.getTenantId(), caseNo) : java.util.Optional.<HearingRecords.CaseRef>empty();
        var c = found.orElseThrow(() -> new InvalidInputException(CASE_NO,
                "未找到案件" + (caseNo == null ? "" : "“" + caseNo + "”") + "，请填写本机构的案号"));
        boolean called = execution.getSuperExecution() != null;
        String actor = HearingTaskChecks.currentUser(execution.getProcessEngineServices(), null);
        if (!called && actor != null && !c.officers().contains(actor)) {
            throw new InvalidInputException(CASE_NO, "只有本案执法人员可以启动听证告知程序");
        }
        records.lock(c.id());
        boolean another = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(c.caseNo()).tenantIdIn(c.agencyId())
                .list().stream().anyMatch(p -> !p.getId().equals(execution.getProcessInstanceId()));
        if (another) {
            throw new ConflictException("本案已有进行中的听证告知程序");
        }
        execution.setVariable(CASE_ID, c.id());
        execution.setVariable(CASE_NO, c.caseNo());
        execution.setVariable(CASE_CAUSE, c.cause());
        execution.setVariable(AGENCY_ID, c.agencyId());
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(c.caseNo());
        }
        execution.setVariable(CASE_OFFICERS, String.join(",", c.officers()));
        execution.setVariable(REQUESTED, false);
        String delivered = string(execution, NOTICE_DELIVERED_ON);
        records.event(c.id(), actor, "听证告知", "启动听证告知程序",
                called ? "由重大行政执法决定法制审核程序调用；违法行为通知书送达日期：" + chinese(day(delivered))
                        : delivered == null ? "单独启动，生成听证告知书" : "单独启动；告知书送达日期：" + chinese(day(delivered)));
    }
}
