/**
 * The case file (案卷): registration with validated party identifiers and the proposed decision, case numbers,
 * the full-process record, the flows of a case, and the case lifecycle. Public API for the other modules:
 * {@link org.lawflow.casefile.Cases} and {@link org.lawflow.casefile.CaseFileService} (reads),
 * {@link org.lawflow.casefile.CaseLifecycle} (the only way to change a case's status),
 * {@link org.lawflow.casefile.CaseEvents} (the record) and {@link org.lawflow.casefile.CaseFlows} (the flows).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"agency", "calendar :: events", "identity", "system"})
package org.lawflow.casefile;
