package org.lawflow.agency;

/**
 * An enforcement agency (执法机构). Its id is also its Camunda tenant id, so instances, tasks and history of
 * its cases are visible only to its own staff. The addresses are where statutory filings and transfers go.
 */
public record Agency(
        String id,
        String name,
        String caseNoPrefix,
        Recipient superior,
        Recipient justiceBureau,
        Recipient police,
        Recipient procuratorate,
        Recipient discipline,
        Recipient internalDiscipline) {

    /** A receiving body: its Chinese name and its official mailbox. */
    public record Recipient(String name, String email) {
    }
}
