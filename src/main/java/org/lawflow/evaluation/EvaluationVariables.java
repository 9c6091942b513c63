package org.lawflow.evaluation;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.lawflow.system.InvalidInputException;

/** Variable names of {@code case-file-evaluation} and small readers shared by its steps. */
final class EvaluationVariables {

    static final String PROCESS_KEY = "case-file-evaluation";
    static final String EVALUATION_ID = "evaluationId";
    static final String YEAR = "year";
    static final String SAMPLE_SIZE = "sampleSize";
    static final String AGENCY_ID = "agencyId";
    static final String CASE_ID = "caseId";
    static final String CASE_NO = "caseNo";
    static final String SAMPLED_CASES = "sampledCases";
    static final String FAILED_CASES = "failedCases";
    static final String BULLETIN_SUMMARY = "bulletinSummary";
    static final String BULLETIN_APPROVED = "bulletinApproved";
    static final String BULLETIN_OPINION = "bulletinOpinion";
    static final String LEAD_OFFICER = "leadOfficer";
    static final String PROBLEMS = "evaluationProblems";
    static final String MEASURES = "rectificationMeasures";
    static final String CONFIRMATION = "rectificationDecision";
    static final String CONFIRMATION_OPINION = "rectificationOpinion";
    static final String ACCEPTED = "rectificationAccepted";
    static final String RETURN_REASON = "returnReason";
    /** The summary the case record keeps for a completed task (casefile's CaseRecordParseListener). */
    static final String RECORD_DETAIL = "recordDetail";

    static UUID evaluationId(VariableScope scope) {
        return UUID.fromString(String.valueOf(scope.getVariable(EVALUATION_ID)));
    }

    static UUID caseId(VariableScope scope) {
        return UUID.fromString(String.valueOf(scope.getVariable(CASE_ID)));
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? "" : String.valueOf(value).strip();
    }

    static String required(VariableScope scope, String name, String message, int max) {
        String value = text(scope, name);
        if (value.isEmpty()) {
            throw new InvalidInputException(name, message);
        }
        if (value.length() > max) {
            throw new InvalidInputException(name, "内容过长，不得超过" + max + "字");
        }
        return value;
    }

    /** Who completes the task: the authenticated user, else the assignee, else "system". */
    static String actor(DelegateTask task) {
        var authenticated = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authenticated != null) {
            return authenticated.getUserId();
        }
        return task.getAssignee() == null ? "system" : task.getAssignee();
    }

    private EvaluationVariables() {
    }
}
