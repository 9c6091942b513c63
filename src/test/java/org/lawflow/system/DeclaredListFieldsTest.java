package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Pickers and per-person lists in Camunda Forms submit Json variables (a taglist's values, a dynamic list's items):
 * the declared-variables check accepts them for those fields only, with only the item fields the form declares, and
 * checks each text as it checks a text field.
 */
class DeclaredListFieldsTest {

    final ObjectMapper json = new ObjectMapper();
    final DeclaredVariablesFilter filter = new DeclaredVariablesFilter(json, null);

    /** A form with a taglist and a dynamic list (as a future form may have: see discussionRowsAreDeclared). */
    Map<String, FormFields.Field> discussionForm() throws Exception {
        return FormFields.of(json.readTree("""
                {"id": "f", "components": [
                  {"key": "discussedOn", "type": "datetime", "subtype": "date"},
                  {"key": "discussionAttendees", "type": "taglist", "valuesKey": "agencyHeadOptions"},
                  {"path": "discussionViews", "type": "dynamiclist", "isRepeating": true, "components": [
                    {"key": "attendee", "type": "select", "valuesKey": "agencyHeadOptions"},
                    {"key": "view", "type": "textarea"}]},
                  {"key": "discussionRecord", "type": "textarea"},
                  {"key": "discussionConclusion", "type": "radio"}]}
                """));
    }

    @Test
    void theDiscussionFormDeclaresItsPickerAndARowPerAttendee() throws Exception {
        var fields = FormFields.of(json.readTree(Files.readString(Path.of("forms/collective-discussion.form"))));
        assertThat(fields.get("discussionAttendees").isList()).isTrue();
        for (int row = 1; row <= 6; row++) {
            assertThat(fields).containsKeys("discussionAttendee" + row, "discussionView" + row);
        }
    }

    JsonNode variable(String type, String value) {
        var node = json.createObjectNode();
        node.put("type", type);
        node.put("value", value);
        return node;
    }

    @Test
    void aDynamicListDeclaresItsPathAndNotItsItemsFields() throws Exception {
        var fields = discussionForm();
        assertThat(fields).containsKeys("discussedOn", "discussionAttendees", "discussionViews", "discussionRecord",
                "discussionConclusion").doesNotContainKeys("attendee", "view");
        assertThat(fields.get("discussionViews").isDynamicList()).isTrue();
        assertThat(fields.get("discussionViews").itemKeys()).isEqualTo(Set.of("attendee", "view"));
        assertThat(fields.get("discussionAttendees").isList()).isTrue();
    }

    @Test
    void listsAsTasklistSubmitsThemAreAccepted() throws Exception {
        var fields = discussionForm();
        assertThatCode(() -> {
            filter.checkValue("discussionAttendees", variable("Json", "[\"zhaomin\",\"qianlei\"]"),
                    fields.get("discussionAttendees"));
            filter.checkValue("discussionViews", variable("Json",
                    "[{\"attendee\":\"zhaomin\",\"view\":\"同意\"},{\"attendee\":\"qianlei\",\"view\":null}]"),
                    fields.get("discussionViews"));
        }).doesNotThrowAnyException();
    }

    @Test
    void jsonIsRefusedWhereTheFormHasNoListAndListsMustHoldDeclaredScalars() throws Exception {
        var fields = discussionForm();
        assertThatThrownBy(() -> filter.checkValue("discussionRecord", variable("Json", "[\"x\"]"),
                fields.get("discussionRecord"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("json");
        assertThatThrownBy(() -> filter.checkValue("discussionViews", variable("Json",
                "[{\"attendee\":\"zhaomin\",\"view\":\"同意\",\"headDecision\":\"PENALTY\"}]"), fields.get("discussionViews")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("discussionViews");
                    assertThat(e.getMessage()).contains("“headDecision”不是列表“discussionViews”的字段");
                });
        assertThatThrownBy(() -> filter.checkValue("discussionViews", variable("Json",
                "[{\"attendee\":{\"id\":\"zhaomin\"},\"view\":\"同意\"}]"), fields.get("discussionViews")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("应为单个取值");
        assertThatThrownBy(() -> filter.checkValue("discussionAttendees", variable("Json", "{\"a\":1}"),
                fields.get("discussionAttendees"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("应为列表");
        assertThatThrownBy(() -> filter.checkValue("discussionAttendees", variable("Json", "[\"zhao\\u0000min\"]"),
                fields.get("discussionAttendees"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("控制字符");
        String many = "[" + "\"a\",".repeat(DeclaredVariablesFilter.MAX_ITEMS) + "\"a\"]";
        assertThatThrownBy(() -> filter.checkValue("discussionAttendees", variable("Json", many),
                fields.get("discussionAttendees"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("不超过50项");
        String longView = "[{\"attendee\":\"zhaomin\",\"view\":\"" + "很".repeat(DeclaredVariablesFilter.MAX_TEXT + 1) + "\"}]";
        assertThatThrownBy(() -> filter.checkValue("discussionViews", variable("Json", longView),
                fields.get("discussionViews"))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("discussionViews.view"));
    }
}
