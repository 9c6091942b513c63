/**
 * 执行与结案 ({@code penalty-enforcement}): after the decision is served, the fine is paid (or the other penalties
 * carried out); unpaid when the remedy periods end, the party is 催告 and the court asked to enforce; the head then
 * approves closure and the case is 已结案.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "casefile", "system"})
package org.lawflow.enforcement;
