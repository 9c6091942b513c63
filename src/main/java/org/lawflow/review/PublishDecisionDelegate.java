package org.lawflow.review;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.casefile.CaseRepository;
import org.springframework.stereotype.Component;

/**
 * Publishes the decision (公示). The statutory due date comes in as the field {@code due}, an expression on the
 * calendar ({@code ${deadlines.due('PUBLICATION', decidedOn)}}), so that the period is kept in one place.
 */
@Component("publishDecisionDelegate")
class PublishDecisionDelegate implements JavaDelegate {

    private final CaseRepository cases;
    private final PublicationService publications;
    private Expression due;

    PublishDecisionDelegate(CaseRepository cases, PublicationService publications) {
        this.cases = cases;
        this.publications = publications;
    }

    public void setDue(Expression due) {
        this.due = due;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var c = cases.findById(ReviewVariables.caseId(execution)).orElseThrow();
        String conclusion = ReviewVariables.string(execution, "publicationText");
        if (conclusion == null || conclusion.isBlank()) {
            conclusion = "决定给予" + c.penaltySummary() + "的行政处罚";
        }
        Date dueDate = due == null ? null : (Date) due.getValue(execution);
        var publication = publications.publish(c, conclusion,
                LocalDate.parse(ReviewVariables.string(execution, ReviewVariables.DECIDED_ON)), dueDate,
                ReviewVariables.string(execution, ReviewVariables.LEAD_OFFICER));
        execution.setVariable("publicationId", publication.id().toString());
    }
}
