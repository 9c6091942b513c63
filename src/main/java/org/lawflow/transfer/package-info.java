/**
 * Case transfers: suspected crimes to the police (行刑衔接, 国务院令第310号, process {@code criminal-case-transfer})
 * and problem clues to discipline inspection bodies (纪检监察, process {@code discipline-clue-transfer}, visible only
 * to the agency head and supervisors). Public API: {@link org.lawflow.transfer.CriminalTransfers}, used by the
 * review's head decision for 不得以罚代刑.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"agency", "casefile", "identity", "system"})
package org.lawflow.transfer;
