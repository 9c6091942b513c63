/**
 * The major-decision legal review (重大行政执法决定法制审核) flow: notice, statement/defence or hearing, legal review,
 * collective discussion, the head's decision, service, filing (备案) and publication (公示).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"agency", "calendar", "casefile", "identity", "system", "transfer"})
package org.lawflow.review;
