package org.lawflow.hearing;

import static org.lawflow.hearing.HearingVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.lawflow.system.InputChecks;
import org.lawflow.system.InvalidInputException;

/**
 * What the hearing task guards share: required entries refused with a Chinese message naming the field, the
 * acting person, and the entry in the case's full-process record (行政处罚法第四十七条).
 */
final class HearingTaskChecks {

    private static final String STEP = "听证";

    private HearingTaskChecks() {
    }

    static void record(HearingRecords records, DelegateTask task, String action, String detail) {
        records.event(string(task, CASE_ID), actor(task), STEP, action, detail);
    }

    /** The authenticated user, else the assignee, else "system" (a task completed by the engine itself). */
    static String actor(DelegateTask task) {
        return currentUser(task.getProcessEngineServices(), task.getAssignee() == null ? "system" : task.getAssignee());
    }

    static String currentUser(ProcessEngineServices services, String fallback) {
        var authentication = services.getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : fallback;
    }

    /** The hosts a granted recusal excluded so far (variable {@code recusedHosts}, comma list). */
    static List<String> recused(DelegateTask task) {
        String value = string(task, RECUSED_HOSTS);
        return value == null ? List.of() : List.of(value.split(","));
    }

    static String required(DelegateTask task, String name, String message) {
        String value = string(task, name);
        if (value == null) {
            throw new InvalidInputException(name, message);
        }
        return value;
    }

    static LocalDate requiredDay(DelegateTask task, String name, String message) {
        String value = required(task, name, message);
        try {
            return InputChecks.pastDate(name, day(value));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "日期格式无效：" + value);
        }
    }

    static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(CHINA).toLocalDate();
    }
}
