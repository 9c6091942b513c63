/**
 * The case file (案卷): registration with validated party identifiers and the proposed decision, case numbers,
 * the full-process record, and the flows of a case.
 */
package org.lawflow.casefile;
