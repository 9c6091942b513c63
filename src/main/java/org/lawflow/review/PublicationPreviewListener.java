package org.lawflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.casefile.PenaltyHistory;
import org.lawflow.casefile.PenaltyRevision;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.Cases;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 确认公示内容: when the task is created the officer gets the text that will be published, masked, as
 * {@code publicationPreview}; on completion a note with personal data passes only once the officer has seen its
 * masked form (shown in the error) and accepted it. {@link PublicationService#publish} masks again when storing.
 */
@Component
class PublicationPreviewListener implements TaskListener {

    /** The form of 确认公示内容: the task is recognised by what it asks, in every version of the model. */
    static final String FORM = "confirm-publication";
    static final String PREVIEW = "publicationPreview";
    static final String MASKING_ACCEPTED = "publicationMaskingAccepted";
    static final int NOTE_MAX_LENGTH = 2000;

    private final Cases cases;
    private final PublicationService publications;
    private final PenaltyHistory penalties;

    PublicationPreviewListener(Cases cases, PublicationService publications, PenaltyHistory penalties) {
        this.cases = cases;
        this.publications = publications;
        this.penalties = penalties;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getVariable(CaseFlows.VAR_CASE_ID) == null) {
            return;
        }
        var c = cases.findById(ReviewVariables.caseId(task)).orElseThrow();
        String note = ReviewVariables.string(task, ReviewVariables.PUBLICATION_NOTE);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(PREVIEW,
                    publications.conclusion(c, penalties.decided(c.id()).map(PenaltyRevision::text).orElse(null), note));
            return;
        }
        if (note == null || note.isEmpty()) {
            return;
        }
        if (note.length() > NOTE_MAX_LENGTH) {
            throw new InvalidInputException(ReviewVariables.PUBLICATION_NOTE, "补充说明不超过" + NOTE_MAX_LENGTH + "字");
        }
        String masked = publications.maskedNote(c, note);
        if (!masked.equals(note) && !ReviewVariables.isTrue(task, MASKING_ACCEPTED)) {
            throw new InvalidInputException(ReviewVariables.PUBLICATION_NOTE, "补充说明含有自然人个人信息，将按以下脱敏文本公示："
                    + masked + "　请勾选“按脱敏后的文本公示”后提交，或修改补充说明。");
        }
    }
}
