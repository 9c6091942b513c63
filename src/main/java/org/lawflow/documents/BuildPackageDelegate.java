package org.lawflow.documents;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Service task "生成材料包": fields {@code kind} ({@link PackageKind}) and {@code documents} (comma list of
 * {@link DocumentKind}; the latest of each for the case). Sets {@code pkg_<KIND>} = package id; idempotent per
 * (case, package kind, process instance).
 */
@Component("buildPackageDelegate")
class BuildPackageDelegate implements JavaDelegate {

    private final Documents service;
    /** Injected by the engine from camunda:field; only fallbacks, see {@link DelegateFields}. */
    private Expression kind;
    private Expression documents;

    BuildPackageDelegate(Documents service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DelegateFields fields = DelegateFields.of(execution);
        PackageKind packageKind = PackageKind.valueOf(fields.required("kind", kind));
        var kinds = fields.list("documents", documents).stream().map(DocumentKind::valueOf).toList();
        if (kinds.isEmpty()) {
            throw new IllegalStateException("Service task " + execution.getCurrentActivityId()
                    + " needs camunda:field 'documents'");
        }
        PackageInfo info = service.buildPackage(ProcessVariables.caseId(execution), packageKind, kinds,
                execution.getProcessInstanceId(), DelegateFields.step(execution));
        execution.setVariable("pkg_" + packageKind.name(), info.id().toString());
    }
}
