package org.lawflow.desk;

import java.util.List;

import org.lawflow.identity.LawFlowUser;

/**
 * Options of a start form's select or taglist, by the component's {@code valuesKey}: Tasklist loads no variables for
 * start forms, so {@link StartFormOptionsFilter} puts them into the form itself, computed for the user at that moment.
 */
interface StartFormOptions {

    /** A choice as Camunda Forms reads it in {@code values}. */
    record Option(String label, String value) {
    }

    /** The {@code valuesKey} these options are for. */
    String key();

    /** The options for {@code user} starting {@code processKey} in {@code agencies} (the definition's tenant or the user's). */
    List<Option> options(String processKey, List<String> agencies, LawFlowUser user);
}
