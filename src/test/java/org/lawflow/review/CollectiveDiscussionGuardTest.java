package org.lawflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawflow.ProcessTestEngine;
import org.lawflow.system.InvalidInputException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue #28 item 4, 集体讨论 (行政处罚法第五十七条第二款): the attendees are picked from the heads of the case's agency,
 * at least the quorum, and each attendee's own view is recorded; refusals name the field in Chinese. The identities
 * are real (the in-memory engine's identity service); the task is a test double holding the submitted variables.
 */
@ExtendWith(ProcessTestEngine.class)
class CollectiveDiscussionGuardTest {

    ProcessEngine engine;
    final Map<String, Object> variables = new HashMap<>();
    final Map<String, Object> local = new HashMap<>();
    final CollectiveDiscussionGuard guard = new CollectiveDiscussionGuard(2);

    @BeforeEach
    void agencies() {
        IdentityService identity = engine.getIdentityService();
        for (String group : List.of("agency-head", "principal-head", "legal-reviewer")) {
            identity.saveGroup(identity.newGroup(group));
        }
        identity.saveTenant(identity.newTenant("xining"));
        identity.saveTenant(identity.newTenant("haidong"));
        user("zhaomin", "赵敏", "xining", "agency-head", "principal-head");
        user("qianlei", "钱磊", "xining", "agency-head");
        user("wangfang", "王芳", "xining", "legal-reviewer");
        user("sunhai", "孙海", "haidong", "agency-head");
        variables.put("agencyId", "xining");
    }

    @AfterEach
    void clean() {
        IdentityService identity = engine.getIdentityService();
        identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
        identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
        identity.createTenantQuery().list().forEach(t -> identity.deleteTenant(t.getId()));
    }

    private void user(String id, String name, String agency, String... groups) {
        IdentityService identity = engine.getIdentityService();
        var user = identity.newUser(id);
        user.setFirstName(name);
        user.setLastName("");
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
        identity.createTenantUserMembership(agency, id);
    }

    private DelegateTask task() {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getProcessEngineServices()).thenReturn(engine);
        when(task.getVariable(anyString())).thenAnswer(call -> value(variables.get(call.<String>getArgument(0))));
        when(task.getVariableLocal(anyString())).thenAnswer(call -> local.get(call.<String>getArgument(0)));
        doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1))).when(task).setVariable(anyString(), any());
        doAnswer(call -> local.put(call.getArgument(0), call.getArgument(1))).when(task).setVariableLocal(anyString(), any());
        doAnswer(call -> variables.remove(call.<String>getArgument(0))).when(task).removeVariable(anyString());
        return task;
    }

    private static Object value(Object v) {
        return v instanceof TypedValue typed ? typed.getValue() : v;
    }

    /** As Tasklist submits the form: the taglist's ids as Json text, and a row per view (attendee id, view, …). */
    private void submit(String attendeesJson, String... attendeeAndView) {
        variables.keySet().removeIf(name -> name.matches("discussion(Attendee|View)\\d+"));
        variables.put("discussionAttendees", attendeesJson);
        for (int i = 0; i + 1 < attendeeAndView.length; i += 2) {
            variables.put("discussionAttendee" + (i / 2 + 1), attendeeAndView[i]);
            variables.put("discussionView" + (i / 2 + 1), attendeeAndView[i + 1]);
        }
    }

    private void refused(String field, String... message) {
        assertThatThrownBy(() -> guard.notify(task())).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void theFormOffersTheHeadsOfTheCasesAgencyPrincipalFirstAndTheQuorum() throws Exception {
        guard.offerHeads(task());
        var options = new ObjectMapper().readTree(String.valueOf(((TypedValue) local.get("agencyHeadOptions")).getValue()));
        assertThat(options.toString()).isEqualTo("[{\"label\":\"赵敏（正职负责人）\",\"value\":\"zhaomin\"},"
                + "{\"label\":\"钱磊（副职负责人）\",\"value\":\"qianlei\"}]");
        assertThat(local.get("discussionQuorum")).isEqualTo(2);
    }

    @Test
    void eachAttendeesViewIsRecordedByNameForTheDocumentAndTheRecord() throws Exception {
        local.put("recordDetail", "讨论结论：给予行政处罚");
        submit("[\"zhaomin\",\"qianlei\"]", "qianlei", "同意，建议从轻。", "zhaomin", " 事实清楚，同意罚款。 ");
        guard.notify(task());
        assertThat(variables).as("the rows are emptied for a second discussion").doesNotContainKeys("discussionAttendee1",
                "discussionView1", "discussionAttendee2", "discussionView2");
        assertThat(variables.get("discussionAttendeeNames")).isEqualTo("赵敏、钱磊");
        var views = new ObjectMapper().readTree(String.valueOf(((TypedValue) variables.get("discussionAttendeeViews")).getValue()));
        assertThat(views.toString()).isEqualTo("[{\"attendee\":\"zhaomin\",\"name\":\"赵敏\",\"role\":\"正职负责人\","
                + "\"view\":\"事实清楚，同意罚款。\"},{\"attendee\":\"qianlei\",\"name\":\"钱磊\",\"role\":\"副职负责人\","
                + "\"view\":\"同意，建议从轻。\"}]");
        assertThat(local.get("recordDetail")).isEqualTo("讨论结论：给予行政处罚；参加人员：赵敏、钱磊；各参加人员意见："
                + "赵敏（正职负责人）：事实清楚，同意罚款。；钱磊（副职负责人）：同意，建议从轻。");
    }

    @Test
    void anAttendeeMustBeAHeadOfTheCasesAgency() {
        submit("[\"zhaomin\",\"wangfang\"]");
        refused("discussionAttendees", "“wangfang”不是本机关负责人");
        submit("[\"zhaomin\",\"sunhai\"]");
        refused("discussionAttendees", "“sunhai”不是本机关负责人");
    }

    @Test
    void fewerHeadsThanTheQuorumAreRefused() {
        submit("[\"zhaomin\",\"zhaomin\"]", "zhaomin", "同意");
        refused("discussionAttendees", "不足2人", "现为1人");
        submit(null);
        refused("discussionAttendees", "不足2人");
    }

    @Test
    void everyAttendeeNeedsOneNonBlankViewAndOnlyAttendeesHaveViews() {
        submit("[\"zhaomin\",\"qianlei\"]", "zhaomin", "同意");
        refused("discussionView2", "缺少：钱磊");
        submit("[\"zhaomin\",\"qianlei\"]", "zhaomin", "同意", "qianlei", "  ");
        refused("discussionView2", "钱磊的意见不能为空");
        submit("[\"zhaomin\",\"qianlei\"]", "zhaomin", "同意", "qianlei", "同意", "wangfang", "同意");
        refused("discussionAttendee3", "“wangfang”未列为参加人员");
        submit("[\"zhaomin\",\"qianlei\"]", "zhaomin", "同意", "qianlei", "同意", "zhaomin", "补充");
        refused("discussionAttendee3", "赵敏的意见记录了两次");
        submit("[\"zhaomin\",\"qianlei\"]", "zhaomin", "同意", "", "钱磊也同意");
        refused("discussionAttendee2", "须选择发表意见的参加人员");
        submit("[\"zhaomin\",\"qianlei\"]", "zhaomin", "同意", "qianlei", "很".repeat(1001));
        refused("discussionView2", "不超过1000字");
        submit("{\"a\":1}", "zhaomin", "同意", "qianlei", "同意");
        refused("discussionAttendees", "应为列表");
    }

    @Test
    void twelveHeadsAreRecordedAndAThirteenthIsRefusedByName() {
        List<String> ids = new java.util.ArrayList<>(List.of("zhaomin", "qianlei"));
        for (int n = 3; n <= 13; n++) {
            user("head" + n, "负责人" + n, "xining", "agency-head");
            ids.add("head" + n);
        }
        List<String> rows = new java.util.ArrayList<>();
        for (String id : ids.subList(0, 12)) {
            rows.add(id);
            rows.add(id + "同意");
        }
        submit(json(ids.subList(0, 12)), rows.toArray(String[]::new));
        guard.notify(task());
        assertThat(String.valueOf(variables.get("discussionAttendeeNames"))).startsWith("赵敏、钱磊、负责人3")
                .endsWith("负责人12");
        submit(json(ids), rows.toArray(String[]::new));
        refused("discussionAttendees", "最多记录12位参加人员", "现为13人");
    }

    private static String json(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    @Test
    void theEngineRestMayListTheAttendeesAsText() {
        submit("zhaomin, qianlei", "zhaomin", "同意", "qianlei", "同意");
        guard.notify(task());
        assertThat(variables.get("discussionAttendeeNames")).isEqualTo("赵敏、钱磊");
    }
}
