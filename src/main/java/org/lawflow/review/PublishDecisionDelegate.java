package org.lawflow.review;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.casefile.PenaltyHistory;
import org.lawflow.casefile.PenaltyRevision;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.casefile.Cases;
import org.springframework.stereotype.Component;

/**
 * Publishes the decision (公示) with its statutory due date from the calendar (PUBLICATION_PENALTY: 7 working days
 * after the decision for 行政处罚, 国办发〔2018〕118号; the 20 working days of PUBLICATION are for other 执法决定).
 * The published text, masked, goes into {@code publishedConclusion} for the publication record (公示记录).
 */
@Component("publishDecisionDelegate")
class PublishDecisionDelegate implements JavaDelegate {

    static final String PUBLISHED_CONCLUSION = "publishedConclusion";

    private final Cases cases;
    private final PublicationService publications;
    private final StatutoryDeadlines deadlines;
    private final PenaltyHistory penalties;

    PublishDecisionDelegate(Cases cases, PublicationService publications, StatutoryDeadlines deadlines,
            PenaltyHistory penalties) {
        this.penalties = penalties;
        this.cases = cases;
        this.publications = publications;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var c = cases.findById(ReviewVariables.caseId(execution)).orElseThrow();
        LocalDate decidedOn = LocalDate.parse(ReviewVariables.string(execution, ReviewVariables.DECIDED_ON));
        Date dueDate = deadlines.due(StatutoryPeriod.PUBLICATION_PENALTY.name(), decidedOn);
        var publication = publications.publish(c, penalties.decided(c.id()).map(PenaltyRevision::text).orElse(null),
                ReviewVariables.string(execution, ReviewVariables.PUBLICATION_NOTE), decidedOn, dueDate,
                ReviewVariables.string(execution, ReviewVariables.LEAD_OFFICER));
        execution.setVariable("publicationId", publication.id().toString());
        execution.setVariable(PUBLISHED_CONCLUSION, publication.conclusion());
    }
}
