package org.lawflow.evaluation;

import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of the case evaluation: the minimum sample (青交〔2024〕32号：各类案卷一般抽查数量不少于10件，实际案卷少于10件的
 * 按实际数量评查), the bulletin's recipients (recipient tokens: {@code superior} for the agency's superior body,
 * {@code group:<id>} for the agency's members of a group). The rectification period is the statutory period
 * CASE_RECTIFICATION ({@code lawflow.periods.CASE_RECTIFICATION}).
 */
@Component
class EvaluationSettings {

    private final int minimumSample;
    private final List<String> bulletinRecipients;

    EvaluationSettings(@Value("${lawflow.evaluation.minimum-sample:10}") int minimumSample,
            @Value("${lawflow.evaluation.bulletin-recipients:superior,group:agency-head,group:supervisor}")
            String bulletinRecipients) {
        this.minimumSample = minimumSample;
        this.bulletinRecipients = Arrays.stream(bulletinRecipients.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    int minimumSample() {
        return minimumSample;
    }

    List<String> bulletinRecipients() {
        return bulletinRecipients;
    }
}
