package org.lawflow.system;

import java.util.Map;

/**
 * The Chinese words for the codes the forms and rules store (APPROVE → 同意, HELD → 已举行听证), one table for the
 * documents, the case record and the desk. A code this table does not know is returned as it is.
 */
public final class CodeLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("APPROVE", "同意"), Map.entry("RETURN", "退回补充"), Map.entry("REJECT", "不同意"),
            Map.entry("REFUSE", "不批准"), Map.entry("PRESENT", "到场"), Map.entry("ABSENT", "未到场"),
            Map.entry("LEFT", "中途退场"), Map.entry("WAIVED", "放弃听证"), Map.entry("HELD", "已举行听证"),
            Map.entry("TERMINATED", "听证终止"), Map.entry("INTERNAL", "本系统纪检监察组"),
            Map.entry("COMMISSION", "纪律检查委员会、监察委员会"), Map.entry("approve", "同意"),
            Map.entry("reject", "不同意"), Map.entry("true", "是"), Map.entry("false", "否"),
            Map.entry("PENALTY", "给予行政处罚"), Map.entry("NO_PENALTY", "不予行政处罚"),
            Map.entry("TRANSFER", "涉嫌犯罪，移送司法机关"), Map.entry("NONE", "未举行听证"),
            Map.entry("ADOPTED", "理由成立，予以采纳"), Map.entry("PARTLY", "部分采纳"),
            Map.entry("NOT_ADOPTED", "理由不成立，不予采纳"));

    /** The label of {@code code}; null stays null. */
    public static String of(String code) {
        return code == null ? null : LABELS.getOrDefault(code, code);
    }

    private CodeLabels() {
    }
}
