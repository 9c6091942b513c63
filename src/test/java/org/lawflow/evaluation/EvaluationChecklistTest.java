package org.lawflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The checklist is kept in one place ({@link EvaluationChecklist}); the form {@code evaluate-case} offers exactly its
 * items, each as 合格/不合格 with its label and a problem field, in the same order. Fails when either is edited alone.
 */
class EvaluationChecklistTest {

    @Test
    void theEvaluationFormOffersExactlyTheChecklist() throws Exception {
        JsonNode form = new ObjectMapper().readTree(new File("forms/evaluate-case.form"));
        List<String> expected = new ArrayList<>();
        for (var item : EvaluationChecklist.ITEMS) {
            expected.add(item.checkField() + "=" + item.label() + "=PASS,FAIL");
            expected.add(item.problemField());
        }
        List<String> actual = new ArrayList<>();
        for (JsonNode c : form.path("components")) {
            String key = c.path("key").asText();
            if (key.startsWith("check_")) {
                actual.add(key + "=" + c.path("label").asText() + "=" + c.path("values").findValuesAsText("value")
                        .stream().reduce((a, b) -> a + "," + b).orElse(""));
            } else if (key.startsWith("problem_")) {
                actual.add(key);
            }
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
