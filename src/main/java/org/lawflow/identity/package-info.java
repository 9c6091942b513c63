/**
 * Identity and access: the contract's groups, agencies as Camunda tenants, authorizations, Tasklist filters,
 * demo users (demo profile only), the production admin, and HTTP Basic for /api against Camunda identities.
 */
package org.lawflow.identity;
