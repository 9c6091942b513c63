package org.lawflow;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.lawflow.mail.ReminderSettings;
import org.lawflow.system.TaskDueDate;

/**
 * Process-test double of a task's deadline reminder ({@code ${deadlineReminder}}): records
 * "reminder:&lt;recipients&gt;:&lt;template&gt;" from the real {@link ReminderSettings}; the timer itself is computed by
 * the real {@link TaskDueDate}.
 */
public class RecordingReminder implements TaskListener {

    private final List<String> calls;
    // set by the engine from the listener's camunda:fields
    private Expression recipients;
    private Expression template;
    private Expression deadlineName;

    private RecordingReminder(List<String> calls) {
        this.calls = calls;
    }

    /** Registers the double and the real due-date bean for the in-memory engine. */
    public static void register(List<String> calls) {
        Mocks.register("deadlineReminder", new RecordingReminder(calls));
        Mocks.register("taskDueDate", new TaskDueDate());
    }

    @Override
    public void notify(DelegateTask task) {
        ReminderSettings settings = ReminderSettings.of(task);
        calls.add("reminder:" + String.join(",", settings.recipients()) + ":" + settings.template());
    }
}
