package org.lawflow.casefile;

/**
 * A flow's own rule on which cases it starts, beyond the case file's (立案 first, the status): lets a start form offer
 * only the cases a start would accept. Only a hint for the offer; the start itself checks again and stays the authority.
 */
public interface CaseStartRule {

    /** The process the rule is for. */
    String processKey();

    /** Whether {@code userId} could start the flow on {@code c} now. */
    boolean accepts(EnforcementCase c, String userId);
}
