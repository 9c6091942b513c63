/**
 * Monitoring for managers and supervisors: the deadline board, monthly statistics (PDF report and mails), overdue
 * digests, reminders about the statutory calendar's coverage, and metrics of the flows.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "documents :: report", "identity", "mail", "system"})
package org.lawflow.monitor;
