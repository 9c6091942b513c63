package org.lawflow.evaluation;

import static org.lawflow.evaluation.EvaluationVariables.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.Cases;
import org.lawflow.system.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The guards of the user tasks of {@code case-file-evaluation} (task listeners on complete) and the rectification's
 * assignment. A task's submitted fields land in the process instance's scope; the guards store them with the case
 * and remove them, so the next case's form does not open with this case's answers.
 */
@Configuration
class EvaluationGuards {

    /**
     * 评查案卷: every checklist item 合格 or 不合格, a problem written for each 不合格. The grade follows: all 合格 → 合格,
     * any 不合格 → 不合格. An unanswered item refuses the completion (it is never counted as 合格).
     */
    @Bean
    TaskListener caseEvaluationGuard(CaseEvaluations evaluations) {
        return task -> {
            List<String> findings = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (var item : EvaluationChecklist.ITEMS) {
                String check = text(task, item.checkField());
                if (check.isEmpty()) {
                    throw new InvalidInputException(item.checkField(), "请评定“" + item.label() + "”（合格或不合格）");
                }
                if (!check.equals(EvaluationChecklist.PASS) && !check.equals(EvaluationChecklist.FAIL)) {
                    throw new InvalidInputException(item.checkField(), "“" + item.label() + "”只能评为合格或不合格");
                }
                if (check.equals(EvaluationChecklist.FAIL)) {
                    String problem = required(task, item.problemField(),
                            "“" + item.label() + "”评为不合格的，请写明存在的问题", 1000);
                    findings.add(item.label() + "：不合格——" + problem);
                    problems.add(item.label() + "：" + problem);
                } else {
                    findings.add(item.label() + "：合格");
                }
            }
            String grade = problems.isEmpty() ? EvaluationChecklist.GRADE_PASS : EvaluationChecklist.GRADE_FAIL;
            evaluations.recordGrade(evaluationId(task), caseId(task), grade, String.join("\n", findings), actor(task));
            task.setVariableLocal(RECORD_DETAIL, "评查结论：" + grade
                    + (problems.isEmpty() ? "" : "；存在问题：" + String.join("；", problems)));
            clear(task, EvaluationChecklist.ITEMS.stream()
                    .flatMap(i -> java.util.stream.Stream.of(i.checkField(), i.problemField())).toList());
        };
    }

    /** 审定通报: the head approves the bulletin before it is issued; the opinion is optional. */
    @Bean
    TaskListener bulletinApprovalGuard(CaseEvaluations evaluations) {
        return task -> {
            if (!Boolean.TRUE.equals(task.getVariable(BULLETIN_APPROVED))
                    && !"true".equals(text(task, BULLETIN_APPROVED))) {
                throw new InvalidInputException(BULLETIN_APPROVED, "请确认审定同意印发评查通报");
            }
            String opinion = text(task, BULLETIN_OPINION);
            if (opinion.length() > 2000) {
                throw new InvalidInputException(BULLETIN_OPINION, "审定意见不得超过2000字");
            }
            evaluations.recordApproval(evaluationId(task), actor(task), opinion.isEmpty() ? null : opinion);
        };
    }

    /** Before each rectification: the lead officer of the case, its number and the problems found, for the form. */
    @Bean
    JavaDelegate rectificationAssignment(CaseEvaluations evaluations, Cases cases) {
        return execution -> {
            var c = cases.findById(caseId(execution)).orElseThrow(() -> new IllegalStateException(
                    "案件不存在：" + execution.getVariable(CASE_ID)));
            String lead = c.officers().contains(c.registeredBy()) ? c.registeredBy() : c.officers().get(0);
            execution.setVariableLocal(LEAD_OFFICER, lead);
            execution.setVariableLocal(CASE_NO, c.caseNo());
            execution.setVariableLocal(PROBLEMS, evaluations.sample(evaluationId(execution), c.id())
                    .map(CaseEvaluations.Sample::findings).orElse(""));
        };
    }

    /** 整改: what was corrected, required. */
    @Bean
    TaskListener rectificationGuard(CaseEvaluations evaluations, CaseEvents events) {
        return task -> {
            String measures = required(task, MEASURES, "请写明整改情况（已纠正的问题和措施）", 2000);
            evaluations.recordRectification(evaluationId(task), caseId(task), measures, actor(task));
            task.setVariableLocal(RECORD_DETAIL, "整改情况：" + measures);
            clear(task, List.of(MEASURES));
        };
    }

    /** 确认整改: accept, or return with the reason (the officer rectifies again). */
    @Bean
    TaskListener rectificationConfirmationGuard(CaseEvaluations evaluations) {
        return task -> {
            String decision = text(task, CONFIRMATION);
            if (!decision.equals("ACCEPT") && !decision.equals("RETURN")) {
                throw new InvalidInputException(CONFIRMATION, "请选择确认整改或退回重新整改");
            }
            boolean accepted = decision.equals("ACCEPT");
            String opinion = accepted ? text(task, CONFIRMATION_OPINION)
                    : required(task, CONFIRMATION_OPINION, "退回重新整改的，请写明理由", 2000);
            evaluations.recordConfirmation(evaluationId(task), caseId(task), accepted,
                    opinion.isEmpty() ? null : opinion, actor(task));
            task.getExecution().setVariableLocal(ACCEPTED, accepted);
            task.getExecution().setVariableLocal(RETURN_REASON, accepted ? null : opinion);
            task.setVariableLocal(RECORD_DETAIL, (accepted ? "确认整改" : "退回重新整改") + (opinion.isEmpty() ? ""
                    : "：" + opinion));
            clear(task, List.of(CONFIRMATION, CONFIRMATION_OPINION));
        };
    }

    /** Removes submitted fields wherever they landed, keeping the task-local summary. */
    private static void clear(DelegateTask task, List<String> names) {
        for (String name : names) {
            task.getExecution().getProcessInstance().removeVariable(name);
        }
    }
}
