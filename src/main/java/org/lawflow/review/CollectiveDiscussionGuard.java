package org.lawflow.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.system.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 集体讨论 (行政处罚法第五十七条第二款) is a discussion of the agency's heads: the attendees must be heads of the case's
 * agency (group agency-head), at least the configured quorum ({@code lawflow.review.discussion-quorum}, 2 by
 * default: the demo agency has two heads), and the record must give each attendee's view. The attendees' names go
 * into {@code discussionAttendeeNames} for the 集体讨论记录.
 */
@Component("collectiveDiscussionGuard")
class CollectiveDiscussionGuard implements TaskListener {

    static final String ATTENDEES = "discussionAttendees";
    static final String ATTENDEE_NAMES = "discussionAttendeeNames";
    static final String RECORD = "discussionRecord";
    private static final String AGENCY_HEAD = "agency-head";

    private final int quorum;

    CollectiveDiscussionGuard(@Value("${lawflow.review.discussion-quorum:2}") int quorum) {
        this.quorum = quorum;
    }

    @Override
    public void notify(DelegateTask task) {
        String listed = ReviewVariables.string(task, ATTENDEES);
        Set<String> ids = new LinkedHashSet<>(List.of((listed == null ? "" : listed).split("[,，、;；\\s]+")));
        ids.remove("");
        String agency = ReviewVariables.string(task, CaseFlows.VAR_AGENCY_ID);
        var identity = task.getProcessEngineServices().getIdentityService();
        List<String> names = new ArrayList<>();
        for (String id : ids) {
            User head = identity.createUserQuery().userId(id).memberOfGroup(AGENCY_HEAD).memberOfTenant(agency)
                    .singleResult();
            if (head == null) {
                throw new InvalidInputException(ATTENDEES, "“" + id + "”不是本机关负责人，集体讨论的参加人员须为本机关负责人");
            }
            names.add(name(head));
        }
        if (names.size() < quorum) {
            throw new InvalidInputException(ATTENDEES, "参加集体讨论的负责人不足" + quorum + "人（现为" + names.size() + "人）");
        }
        String record = ReviewVariables.string(task, RECORD);
        List<String> silent = names.stream().filter(n -> record == null || !record.contains(n)).toList();
        if (!silent.isEmpty()) {
            throw new InvalidInputException(RECORD, "讨论记录须载明每位参加人员的意见，缺少：" + String.join("、", silent));
        }
        task.setVariable(ATTENDEE_NAMES, String.join("、", names));
    }

    private static String name(User u) {
        String name = (u.getLastName() == null ? "" : u.getLastName()) + (u.getFirstName() == null ? "" : u.getFirstName());
        return name.isBlank() ? u.getId() : name;
    }
}
