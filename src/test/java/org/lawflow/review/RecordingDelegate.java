package org.lawflow.review;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Test double for the document/package/mail delegates: records "prefix:kind" or "prefix:recipients". */
public class RecordingDelegate implements JavaDelegate {

    private final String prefix;
    private final List<String> calls;
    private Expression kind;
    private Expression recipients;

    public RecordingDelegate(String prefix, List<String> calls) {
        this.prefix = prefix;
        this.calls = calls;
    }

    public void setKind(Expression kind) {
        this.kind = kind;
    }

    public void setRecipients(Expression recipients) {
        this.recipients = recipients;
    }

    public void setTemplate(Expression ignored) {
    }

    public void setDocuments(Expression ignored) {
    }

    public void setAttachDocuments(Expression ignored) {
    }

    public void setAttachPackage(Expression ignored) {
    }

    public void setDeadlineName(Expression ignored) {
    }

    /** Evaluated like the real delegate does, so a broken due-date expression fails the test. */
    private Expression due;

    public void setDue(Expression due) {
        this.due = due;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (due != null && !(due.getValue(execution) instanceof java.util.Date)) {
            throw new IllegalStateException("due is not a date");
        }
        Expression what = kind != null ? kind : recipients;
        calls.add(what == null ? prefix : prefix + ":" + what.getValue(execution));
    }
}
