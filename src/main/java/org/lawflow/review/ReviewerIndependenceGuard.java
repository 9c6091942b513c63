package org.lawflow.review;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.casefile.Cases;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Legal review is done by a reviewer, never by the case's own investigators (separation of duties), and its
 * opinion is complete: an approval needs every checklist item confirmed, a return or rejection needs reasons.
 */
@Component("reviewerIndependenceGuard")
class ReviewerIndependenceGuard implements TaskListener {

    /** 审核内容 checklist (国办发〔2018〕118号 四; 交通运输行政执法程序规定), one form checkbox each. */
    static final Set<String> CHECKLIST = Set.of("checkSubject", "checkAuthority", "checkProcedure", "checkFacts",
            "checkLawApplied", "checkDiscretion", "checkDocuments");

    private final Cases cases;

    ReviewerIndependenceGuard(Cases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        EnforcementCase c = cases.findById(ReviewVariables.caseId(task)).orElseThrow();
        String actor = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : currentUser(task);
        if (actor != null && c.isOfficer(actor)) {
            throw new InvalidInputException("assignee", "承办本案的执法人员不得对本案进行法制审核");
        }
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            checkOpinion(task);
        }
    }

    private static void checkOpinion(DelegateTask task) {
        String opinion = ReviewVariables.string(task, ReviewVariables.REVIEW_OPINION);
        if (opinion == null || !Set.of("APPROVE", "RETURN", "REJECT").contains(opinion)) {
            throw new InvalidInputException(ReviewVariables.REVIEW_OPINION, "请选择审核意见：同意、退回补充或不同意");
        }
        String reasons = ReviewVariables.string(task, "reviewReasons");
        boolean suspectedCrime = ReviewVariables.isTrue(task, "suspectedCrime");
        task.setVariable("suspectedCrime", suspectedCrime);
        if (!"APPROVE".equals(opinion) || suspectedCrime) {
            if (reasons == null || reasons.isBlank()) {
                throw new InvalidInputException("reviewReasons", "退回、不同意或认为涉嫌犯罪时必须写明理由");
            }
        } else {
            for (String item : CHECKLIST) {
                if (!ReviewVariables.isTrue(task, item)) {
                    throw new InvalidInputException(item, "同意前须逐项确认审核内容");
                }
            }
        }
    }

    private static String currentUser(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : task.getAssignee();
    }
}
