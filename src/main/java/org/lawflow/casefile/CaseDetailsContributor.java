package org.lawflow.casefile;

/**
 * Lets other features add a section to {@code GET /api/cases/{id}} (documents, packages, mails, deadlines)
 * without the case file depending on them.
 */
public interface CaseDetailsContributor {

    /** The JSON property name of the section, e.g. {@code documents}. */
    String section();

    /** The section's content for this case, already limited to what the user may see. */
    Object contribute(EnforcementCase enforcementCase);
}
