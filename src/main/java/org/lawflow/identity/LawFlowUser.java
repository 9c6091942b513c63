package org.lawflow.identity;

import java.util.List;

/** An authenticated user: Camunda user id, display name, group ids and agencies (tenant ids). */
public record LawFlowUser(String id, String displayName, List<String> groups, List<String> agencies) {

    public LawFlowUser {
        groups = List.copyOf(groups);
        agencies = List.copyOf(agencies);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    public boolean isAdmin() {
        return isIn(Groups.ADMIN);
    }

    /**
     * Discipline clues (纪检监察问题线索: their flow, documents, packages, mails and case record entries) only for the
     * agency head and the supervisor — not for administrators (README “Administrators … never clue material”).
     */
    public boolean maySeeClues() {
        return isIn(Groups.AGENCY_HEAD) || isIn(Groups.SUPERVISOR);
    }

    /** Administrators see every agency; everybody else only the agencies (tenants) they belong to. */
    public boolean canSee(String agencyId) {
        return isAdmin() || agencies.contains(agencyId);
    }

    /** The agency a new case or flow of this user belongs to; a user of several agencies must say which. */
    public String homeAgency() {
        if (agencies.size() != 1) {
            throw new IllegalStateException("用户 " + id + " 不属于唯一的执法机构，请指定 agencyId");
        }
        return agencies.get(0);
    }
}
