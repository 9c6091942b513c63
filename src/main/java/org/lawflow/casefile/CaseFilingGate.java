package org.lawflow.casefile;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.lawflow.system.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * 立案 first, inside the engine: when an instance of a procedure in {@link #FILING_REQUIRED} starts, however it was
 * started (/api, engine REST, a Tasklist start form, another flow), {@link CaseFileService#requireFiled} decides.
 * A built-in listener on the process start, added at parse time: start instructions that skip the start event and
 * first steps, and {@code skipCustomListeners}, do not pass by it as they would by a listener in the BPMN.
 */
@Component
class CaseFilingGate extends PostParseListenerPlugin {

    /** The procedures against the party, with their names for the refusal. */
    static final Map<String, String> FILING_REQUIRED = Map.of(
            "major-decision-review", "重大行政执法决定法制审核",
            "hearing-notice", "听证告知",
            "criminal-case-transfer", "涉嫌犯罪案件移送");

    /**
     * A clue about an official's conduct is no penalty procedure, and 监察法第三十七条 requires its transfer whether or
     * not this case is filed (a refused 立案 must not bury it): it neither waits for 立案 nor ends with 不予立案.
     */
    static final Set<String> NO_FILING_NEEDED = Set.of(CaseFlows.DISCIPLINE_CLUE_TRANSFER);

    // lazily: the service needs the engine that this plugin helps to build
    private final ObjectProvider<CaseFileService> caseFiles;
    private final CaseRepository cases;

    CaseFilingGate(ObjectProvider<CaseFileService> caseFiles, CaseRepository cases) {
        this.caseFiles = caseFiles;
        this.cases = cases;
    }

    @Override
    BpmnParseListener parseListener() {
        return new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                if (FILING_REQUIRED.containsKey(definition.getKey())) {
                    definition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                            (ExecutionListener) execution -> check(definition.getKey(), execution));
                }
            }
        };
    }

    private void check(String processKey, DelegateExecution execution) {
        caseFiles.getObject().requireFiled(caseOf(execution), processKey);
    }

    /** By id (/api, called flows), else by number in the starter's agency (Tasklist start forms). */
    private EnforcementCase caseOf(DelegateExecution execution) {
        Object id = execution.getVariable(CaseFlows.VAR_CASE_ID);
        Object caseNo = execution.getVariable(CaseFlows.VAR_CASE_NO);
        Optional<EnforcementCase> found = id != null ? uuid(id).flatMap(cases::findById)
                : caseNo != null ? cases.findByCaseNo(execution.getTenantId(), String.valueOf(caseNo).strip())
                : Optional.empty();
        return found.orElseThrow(() -> new InvalidInputException(CaseFlows.VAR_CASE_NO,
                "未找到案件" + (caseNo == null ? "" : "“" + caseNo + "”") + "，请填写本机构的案号"));
    }

    private static Optional<UUID> uuid(Object value) {
        try {
            return Optional.of(UUID.fromString(String.valueOf(value)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
