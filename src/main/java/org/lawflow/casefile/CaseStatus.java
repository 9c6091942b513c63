package org.lawflow.casefile;

/** Where a case stands; flows move it forward and record each move in the case's event log. */
public enum CaseStatus {
    REGISTERED("已登记"),
    FILED("已立案"),
    /** 负责人决定不予立案: the case is closed; no penalty procedure starts on it. */
    NOT_FILED("不予立案"),
    IN_REVIEW("审核中"),
    DECIDED("已决定"),
    TRANSFERRED("已移送"),
    CLOSED("已结案");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The head approved 立案: every status a case reaches only through that approval (or later steps). */
    public boolean isFiled() {
        return this != REGISTERED && this != NOT_FILED;
    }
}
