/** Enforcement agencies (执法机构): one Camunda tenant each, with the bodies they file with and transfer to. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.lawflow.agency;
