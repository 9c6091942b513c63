package org.lawflow.transfer;

import java.util.List;

/** Body of {@code POST /api/cases/{id}/transfers}; which fields apply depends on {@code kind}. */
record TransferRequest(String kind, String transferReason, String suspectedCrime, List<String> transferTeam,
        String leadOfficer, String personInvolved, String personPosition, String cadreLevel, Boolean partyMember,
        String clueFacts, String clueMaterials, String discoveredOn) {
}
