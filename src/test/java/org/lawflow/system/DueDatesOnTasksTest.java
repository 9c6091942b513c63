package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Deadlines are visible where people work: every user task of every process carries a due date from the
 * statutory calendar, except the few for which the law sets no period (listed here with the reason).
 */
class DueDatesOnTasksTest {

    /** Tasks without a statutory period of their own: task key → why. */
    private static final Map<String, String> NO_STATUTORY_PERIOD = Map.ofEntries(
            Map.entry("Task_ApproveCaseFiling", "行政处罚法第五十四条、交通运输行政执法程序规定第六十二条：“及时”立案，未规定天数"),
            Map.entry("Task_FormTeam", "国务院令第310号第五条：“应当立即指定”专案组，未规定天数（任务创建即到期的提示无意义）"),
            Map.entry("Task_WriteTransferReport", "国务院令第310号第五条：专案组向负责人提出书面报告，未规定天数；负责人审批另有3日期限"),
            Map.entry("Task_AwaitJudicialOutcome", "司法机关退回案件或刑事程序终结：期限约束的是公安机关、检察院和法院，不是执法机关"),
            Map.entry("Task_AwaitSupervisionResult", "等待人民检察院立案监督结果：期限约束的是公安机关和检察院，不是执法机关"),
            Map.entry("Task_RecordClueFeedback", "纪检监察机关反馈线索处理情况：反馈义务及期限待核实（lawflow.transfer.clue-feedback-required）"));

    @Test
    void everyUserTaskHasADueDateFromTheCalendar() throws Exception {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                var model = Bpmn.readModelFromFile(file.toFile());
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    String due = task.getCamundaDueDate();
                    if (NO_STATUTORY_PERIOD.containsKey(task.getId())) {
                        continue;
                    }
                    // either ${deadlines...} or a variable the flow computed with it (named *Deadline)
                    if (due == null || !(due.contains("deadlines.") || due.matches("\\$\\{\\w+Deadline}"))) {
                        missing.add(file.getFileName() + "#" + task.getId());
                    }
                }
            }
        }
        assertThat(missing).as("user tasks without a due date from ${deadlines...}").isEmpty();
    }
}
