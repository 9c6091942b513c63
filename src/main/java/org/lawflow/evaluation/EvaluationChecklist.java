package org.lawflow.evaluation;

import java.util.List;

/**
 * The scoring items of a case evaluation, the one place they are kept (the form {@code evaluate-case} has one
 * 合格/不合格 choice and one problem field per item, checked by EvaluationChecklistTest).
 * <p>
 * <b>Unverified.</b> The province's scoring standard (《青海省交通运输行政执法案卷评查制度》) is not at hand; the items are
 * the content of the legal review (法制审核, 国办发〔2018〕118号 section 四, reference/legal-rules.md) applied to a closed
 * case file. Fail-safe: an item left without an answer is never counted as 合格, and there is no 优秀 (no standard to
 * grade it by).
 */
final class EvaluationChecklist {

    /** One item: the key of its form fields ({@code check_<key>}, {@code problem_<key>}) and what is checked. */
    record Item(String key, String label) {
        String checkField() {
            return "check_" + key;
        }

        String problemField() {
            return "problem_" + key;
        }
    }

    static final String PASS = "PASS";
    static final String FAIL = "FAIL";
    static final String GRADE_PASS = "合格";
    static final String GRADE_FAIL = "不合格";

    static final List<Item> ITEMS = List.of(
            new Item("subject", "执法主体合法，执法人员具备执法资格"),
            new Item("procedure", "执法程序合法"),
            new Item("facts", "事实清楚，证据合法充分"),
            new Item("law", "适用法律准确，裁量基准运用适当"),
            new Item("authority", "未超越法定权限"),
            new Item("documents", "执法文书完备规范"),
            new Item("crime", "涉嫌犯罪的已依法移送"));

    private EvaluationChecklist() {
    }
}
