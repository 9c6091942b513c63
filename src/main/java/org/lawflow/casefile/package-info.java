/**
 * The case file (案卷): registration with validated party identifiers and the proposed decision, case numbers,
 * the full-process record, and the flows of a case.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"agency", "calendar :: events", "identity", "system"})
package org.lawflow.casefile;
