/**
 * Cross-cutting plumbing: deterministic deployment of bpmn/ and forms/, tenant assignment of instances,
 * task listeners attached when definitions are parsed, and RFC 9457 problem details for the /api.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.lawflow.system;
