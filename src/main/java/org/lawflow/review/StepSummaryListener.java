package org.lawflow.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.system.ChinaTimeFormat;
import org.springframework.stereotype.Component;

/**
 * What the review's other steps record in the full-process record (行政处罚法第四十七条): their own entries in Chinese.
 * Without it the record took the nearest opinion variable of the process, so 记录决定书送达 and 确认公示内容 logged
 * the legal review's "APPROVE". The steps that set the penalty write theirs in {@link PenaltyStageListener}.
 */
@Component
class StepSummaryListener {

    /** The steps by the form each shows, with their names. */
    static final Map<String, String> TASKS = Map.of(
            "submit-proposed-decision", "提交拟处罚决定",
            "record-notice-delivery", "违法行为通知书送达",
            "supplement-case", "补充调查",
            "record-decision-service", "行政处罚决定书送达",
            "confirm-publication", "公示内容");

    private static final Map<String, String> METHODS = Map.of("ON_THE_SPOT", "宣告后当场交付", "DIRECT", "直接送达",
            "LEFT", "留置送达", "MAIL", "邮寄送达", "ELECTRONIC", "电子送达", "ENTRUSTED", "委托送达", "PUBLIC", "公告送达");

    /** This listener for the step that shows {@code form} (one of {@link #TASKS}). */
    TaskListener forForm(String form) {
        return task -> notify(task, form);
    }

    private void notify(DelegateTask task, String form) {
        List<String> parts = new ArrayList<>();
        switch (form) {
            case "submit-proposed-decision" -> {
                parts.add("已核对拟处罚内容及告知事项");
                add(parts, "承办意见", local(task, "proposalNote"));
            }
            case "record-notice-delivery" -> {
                add(parts, "送达日期", date(task, "noticeDeliveredOn"));
                add(parts, "送达方式", method(task, "deliveryMethod"));
                add(parts, "送达回证编号", local(task, "deliveryReceiptNo"));
            }
            case "supplement-case" -> add(parts, "补充调查情况", local(task, "supplementNote"));
            case "record-decision-service" -> {
                add(parts, "送达日期", date(task, "servedOn"));
                add(parts, "送达方式", method(task, "serviceMethod"));
            }
            case "confirm-publication" -> {
                String note = local(task, ReviewVariables.PUBLICATION_NOTE);
                parts.add(note == null ? "按系统生成的执法结论公示" : "执法结论后附补充说明（公示时脱敏）");
            }
            default -> {
                return;
            }
        }
        // never empty: an empty summary would let the record fall back to another step's opinion
        task.setVariableLocal(PenaltyStageListener.RECORD_DETAIL,
                parts.isEmpty() ? TASKS.get(form) + "已办理" : String.join("；", parts));
    }

    private static String local(DelegateTask task, String name) {
        String value = ReviewVariables.string(task, name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static String date(DelegateTask task, String name) {
        String value = local(task, name);
        if (value == null || value.length() < 10) {
            return value;
        }
        try {
            return ChinaTimeFormat.documentDate(java.time.LocalDate.parse(value.substring(0, 10)));
        } catch (RuntimeException e) {
            return value;
        }
    }

    private static String method(DelegateTask task, String name) {
        String value = local(task, name);
        return value == null ? null : METHODS.getOrDefault(value, value);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "：" + value.strip());
        }
    }
}
