/**
 * The case desk: what a person who decides sees of the case, in the Tasklist form itself and on a page of its own
 * (the case dossier, 案卷): facts, evidence, legal and penalty basis, the party (masked for roles that need no
 * personal data), the penalty history with who, when and why, the opinions of the earlier steps, the open tasks with
 * who holds them, and the case's PDFs, all readable (Chinese labels, China time, names). Authenticated by the
 * browser's Tasklist login; the same access rules as /api (agency, role, the task must be visible to the user).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"agency", "casefile", "documents", "identity",
        "review", "system"})
package org.lawflow.desk;
