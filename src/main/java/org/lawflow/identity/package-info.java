/**
 * Identity and access: the contract's groups, agencies as Camunda tenants, authorizations, Tasklist filters,
 * demo users (demo profile only), the production admin, and HTTP Basic for /api against Camunda identities.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"agency", "system"})
package org.lawflow.identity;
