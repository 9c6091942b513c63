package org.lawflow.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.identity.Groups;
import org.lawflow.identity.StaffPicker;
import org.lawflow.system.InvalidInputException;
import org.lawflow.system.ProcessVariables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 集体讨论 (行政处罚法第五十七条第二款) is a discussion of the agency's heads. When the task is created its form gets the
 * heads of the case's agency to pick from ({@link #offerHeads}: task-local {@code agencyHeadOptions}, and the quorum).
 * On completion: the attendees ({@code discussionAttendees}, picked ids) must be heads of the case's agency (group
 * agency-head), at least the configured quorum ({@code lawflow.review.discussion-quorum}, 2 by default: the demo agency
 * has two heads), and the views must give each attendee's own view, once, and no view of anyone else. The form has a
 * row per attendee ({@code discussionAttendee1}/{@code discussionView1} … up to {@link #VIEW_ROWS}; Tasklist 7.24 cannot
 * complete a form after an edit inside a dynamic list, see the README).
 * The guard writes what the 集体讨论记录 and the full-process record show: {@code discussionAttendeeNames} (赵敏、钱磊)
 * and {@code discussionAttendeeViews} (Json: attendee, name, role, view in the attendees' order).
 */
@Component("collectiveDiscussionGuard")
class CollectiveDiscussionGuard implements TaskListener {

    static final String HEAD_OPTIONS = "agencyHeadOptions";
    static final String QUORUM = "discussionQuorum";
    static final String ATTENDEES = "discussionAttendees";
    /** The form's rows: {@code discussionAttendee<n>} (picked id) and {@code discussionView<n>}, n = 1 … VIEW_ROWS. */
    static final String ROW_ATTENDEE = "discussionAttendee";
    static final String ROW_VIEW = "discussionView";
    static final int VIEW_ROWS = 12;
    static final String ATTENDEE_NAMES = "discussionAttendeeNames";
    static final String ATTENDEE_VIEWS = "discussionAttendeeViews";
    /** Optional: the rest of the discussion (older instances: the one text with every view). */
    static final String RECORD = "discussionRecord";
    static final int MAX_VIEW = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int quorum;

    CollectiveDiscussionGuard(@Value("${lawflow.review.discussion-quorum:2}") int quorum) {
        this.quorum = quorum;
    }

    /** On create: the agency's heads as the form's options, and the quorum for its text. */
    void offerHeads(DelegateTask task) {
        task.setVariableLocal(HEAD_OPTIONS, StaffPicker.options(staff(task).members(Groups.AGENCY_HEAD, agency(task))));
        task.setVariableLocal(QUORUM, quorum);
    }

    @Override
    public void notify(DelegateTask task) {
        String agency = agency(task);
        StaffPicker staff = staff(task);
        Map<String, StaffPicker.Person> attendees = new LinkedHashMap<>();
        for (JsonNode id : ProcessVariables.list(task, ATTENDEES)) {
            String userId = id.asText("").strip();
            StaffPicker.Person head = staff.member(userId, Groups.AGENCY_HEAD, agency).orElseThrow(
                    () -> new InvalidInputException(ATTENDEES, "“" + userId + "”不是本机关负责人，集体讨论的参加人员须为本机关负责人"));
            attendees.put(head.id(), head);
        }
        if (attendees.size() > VIEW_ROWS) {
            throw new InvalidInputException(ATTENDEES, "一次集体讨论最多记录" + VIEW_ROWS + "位参加人员的意见（现为"
                    + attendees.size() + "人），请联系系统管理员");
        }
        if (attendees.size() < quorum) {
            throw new InvalidInputException(ATTENDEES, "参加集体讨论的负责人不足" + quorum + "人（现为" + attendees.size() + "人）");
        }
        Map<String, String> views = views(task, attendees);
        List<String> silent = attendees.values().stream().filter(p -> !views.containsKey(p.id()))
                .map(StaffPicker.Person::name).toList();
        if (!silent.isEmpty()) {
            throw new InvalidInputException(ROW_VIEW + Math.min(views.size() + 1, VIEW_ROWS),
                    "须逐一记录每位参加人员的意见，缺少：" + String.join("、", silent));
        }
        var rows = JSON.createArrayNode();
        List<String> record = new ArrayList<>();
        for (StaffPicker.Person p : attendees.values()) {
            rows.addObject().put("attendee", p.id()).put("name", p.name()).put("role", p.role())
                    .put("view", views.get(p.id()));
            record.add(p.label() + "：" + views.get(p.id()));
        }
        task.setVariable(ATTENDEE_NAMES, String.join("、", attendees.values().stream().map(StaffPicker.Person::name).toList()));
        task.setVariable(ATTENDEE_VIEWS, SpinValues.jsonValue(rows.toString()).create());
        for (int row = 1; row <= VIEW_ROWS; row++) {
            // kept above (and in the history); a second discussion (the head decided otherwise) starts with empty rows
            task.removeVariable(ROW_ATTENDEE + row);
            task.removeVariable(ROW_VIEW + row);
        }
        // the full-process record (written after this guard) states each attendee's view
        Object detail = task.getVariableLocal(PenaltyStageListener.RECORD_DETAIL);
        task.setVariableLocal(PenaltyStageListener.RECORD_DETAIL, (detail == null ? "" : detail + "；")
                + "参加人员：" + task.getVariable(ATTENDEE_NAMES) + "；各参加人员意见：" + String.join("；", record));
    }

    /** One view as submitted: the fields that hold it (named in a refusal), the attendee's id and the view. */
    private record Entry(String attendeeField, String viewField, String attendee, String view) {
    }

    /** Each attendee's view by user id; refuses a view of someone not attending, a second one, a blank one. */
    private static Map<String, String> views(DelegateTask task, Map<String, StaffPicker.Person> attendees) {
        List<Entry> entries = new ArrayList<>();
        for (int row = 1; row <= VIEW_ROWS; row++) {
            entries.add(new Entry(ROW_ATTENDEE + row, ROW_VIEW + row, text(task, ROW_ATTENDEE + row),
                    text(task, ROW_VIEW + row)));
        }
        Map<String, String> views = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.attendee().isEmpty()) {
                if (e.view().isEmpty()) {
                    continue; // an unused row
                }
                throw new InvalidInputException(e.attendeeField(), "每条意见须选择发表意见的参加人员");
            }
            StaffPicker.Person p = attendees.get(e.attendee());
            if (p == null) {
                throw new InvalidInputException(e.attendeeField(), "“" + e.attendee()
                        + "”未列为参加人员，不能记录其意见；请先在“参加的负责人”中选择");
            }
            if (e.view().isEmpty()) {
                throw new InvalidInputException(e.viewField(), p.name() + "的意见不能为空");
            }
            if (e.view().length() > MAX_VIEW) {
                throw new InvalidInputException(e.viewField(), p.name() + "的意见不超过" + MAX_VIEW + "字（现为"
                        + e.view().length() + "字）");
            }
            if (views.putIfAbsent(p.id(), e.view()) != null) {
                throw new InvalidInputException(e.attendeeField(), p.name() + "的意见记录了两次，请合并为一条");
            }
        }
        return views;
    }

    private static String text(DelegateTask task, String name) {
        String value = ProcessVariables.string(task, name);
        return value == null ? "" : value;
    }

    private static StaffPicker staff(DelegateTask task) {
        return new StaffPicker(task.getProcessEngineServices().getIdentityService());
    }

    private static String agency(DelegateTask task) {
        String agency = ReviewVariables.string(task, CaseFlows.VAR_AGENCY_ID);
        return agency != null ? agency : task.getTenantId();
    }
}
