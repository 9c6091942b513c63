package org.lawflow.documents;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Service task "生成文书": field {@code kind} (a {@link DocumentKind} name). Stores the PDF and sets
 * {@code doc_<KIND>} = document id. A retried job returns the document of the same step instead of adding one.
 */
@Component("generateDocumentDelegate")
class GenerateDocumentDelegate implements JavaDelegate {

    static final String FIELD_KIND = "kind";

    private final Documents documents;
    /** Injected by the engine from camunda:field; only a fallback, see {@link DelegateFields}. */
    private Expression kind;

    GenerateDocumentDelegate(Documents documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DocumentKind documentKind = DocumentKind.valueOf(DelegateFields.of(execution).required(FIELD_KIND, kind));
        DocumentInfo info = documents.generate(ProcessVariables.caseId(execution), documentKind,
                execution.getVariables(), execution.getProcessInstanceId(), DelegateFields.step(execution));
        execution.setVariable("doc_" + documentKind.name(), info.id().toString());
    }
}
