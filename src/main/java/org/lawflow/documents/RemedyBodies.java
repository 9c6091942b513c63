package org.lawflow.documents;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a party can seek remedy against an agency's decision, named in the 决定书 (行政处罚法第五十九条第一款第五项):
 * the 行政复议机关 and the people's court, per agency ({@code lawflow.remedies.agencies.<agencyId>.reconsideration-body}
 * / {@code .court}). Which body and court are competent depends on local arrangements (复议法第二十四条, 行政诉讼法
 * 第十八条 and any 集中管辖), so each deployment sets them; without them the 决定书 names the bodies generically.
 */
@ConfigurationProperties("lawflow.remedies")
record RemedyBodies(Map<String, Bodies> agencies) {

    record Bodies(String reconsiderationBody, String court) {
    }

    RemedyBodies {
        agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
    }

    Bodies of(String agencyId) {
        Bodies b = agencies.get(agencyId);
        return new Bodies(b == null || blank(b.reconsiderationBody()) ? "行政复议机关" : b.reconsiderationBody().strip(),
                b == null || blank(b.court()) ? "有管辖权的人民法院" : b.court().strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
