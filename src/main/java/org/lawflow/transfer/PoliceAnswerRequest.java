package org.lawflow.transfer;

/**
 * Body of {@code POST /api/cases/{id}/transfers/{transferId}/police-answers}: {@code type} RECEIPT (回执, with
 * {@code receivedOn}), FILING_DECISION (立案/不予立案通知), RECONSIDERATION_ANSWER (复议决定) or SUPERVISION_RESULT
 * (立案监督结果), each with {@code decision} FILED|NOT_FILED and the notice date {@code noticeOn}.
 */
record PoliceAnswerRequest(String type, String decision, String noticeOn, String receivedOn, String reasons) {
}
