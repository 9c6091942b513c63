package org.lawflow.transfer;

/**
 * Body of {@code POST /api/cases/{id}/transfers/{transferId}/police-answers}: {@code type} RECEIPT (回执, with
 * {@code receivedOn}), FILING_DECISION (立案/不予立案通知), RECONSIDERATION_ANSWER (复议决定) or SUPERVISION_RESULT
 * (立案监督结果), each with {@code decision} FILED|NOT_FILED and the notice date {@code noticeOn}; or CASE_RETURN (案件退回,
 * 行政处罚法第二十七条) after 立案 and handover, with {@code returningBody} POLICE|PROCURATORATE|COURT, the letter's date
 * {@code noticeOn}, its number {@code letterNo} and the {@code reasons}.
 */
record PoliceAnswerRequest(String type, String decision, String noticeOn, String receivedOn, String reasons,
        String returningBody, String letterNo) {
}
