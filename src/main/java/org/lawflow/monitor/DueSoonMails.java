package org.lawflow.monitor;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.lawflow.mail.TaskMails;
import org.lawflow.system.ChinaTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The about-to-lapse mail (即将到期提醒): every hour (lawflow.mail.task-mails.due-soon-scan) the open tasks that have
 * come within {@link DueSoon} are handed to {@link TaskMails} (once per task), except those that were already due
 * soon when they arrived: their arrival mail named the deadline. The deadline itself is the model's timeout
 * reminder (mail.DeadlineReminder). Runs on the nodes that run jobs; tests call {@link #remind()}.
 */
@Component
class DueSoonMails {

    private final TaskService taskService;
    private final DueSoon dueSoon;
    private final TaskMails taskMails;
    private final boolean active;

    DueSoonMails(TaskService taskService, DueSoon dueSoon, TaskMails taskMails,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean active) {
        this.taskService = taskService;
        this.dueSoon = dueSoon;
        this.taskMails = taskMails;
        this.active = active;
    }

    @Scheduled(fixedDelayString = "${lawflow.mail.task-mails.due-soon-scan:PT1H}", initialDelayString = "PT1M")
    void scheduled() {
        if (active) {
            remind();
        }
    }

    /** Queues the mails of the tasks now due soon; returns how many mails were queued. */
    int remind() {
        Date now = ChinaTime.nowDate();
        List<Task> tasks = taskService.createTaskQuery().dueAfter(now).dueBefore(dueSoon.before()).list().stream()
                .filter(t -> t.getCreateTime() == null || dueSoon.until(t.getCreateTime()).before(t.getDueDate()))
                .toList();
        return taskMails.remindDueSoon(tasks);
    }
}
