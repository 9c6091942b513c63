package org.lawflow.hearing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** In-memory {@link HearingRecords}: one case with the investigators zhangwei and liqiang. */
class FakeHearingRecords implements HearingRecords {

    static final CaseRef CASE = new CaseRef("00000000-0000-0000-0000-000000000006", "宁交执罚〔2026〕6号",
            "未取得道路运输经营许可擅自从事道路旅客运输经营", "xining", List.of("liqiang", "zhangwei"));

    final List<String> events = new ArrayList<>();
    final List<String> requests = new ArrayList<>();
    /** A request received in time whose processing failed (the REST answer was 202 RECEIVED). */
    boolean undecidedRequest;

    @Override
    public Optional<CaseRef> caseById(String caseId) {
        return CASE.id().equals(caseId) ? Optional.of(CASE) : Optional.empty();
    }

    @Override
    public Optional<CaseRef> caseByNo(String agencyId, String caseNo) {
        return CASE.caseNo().equals(caseNo) ? Optional.of(CASE) : Optional.empty();
    }

    @Override
    public void event(String caseId, String actor, String step, String action, String detail) {
        events.add(actor + "|" + action + "|" + detail);
    }

    @Override
    public void request(String caseId, String processInstanceId, OffsetDateTime receivedAt, RequestOutcome outcome,
            String channel, String note, String recordedBy) {
        requests.add(outcome + "|" + receivedAt.toLocalDate() + "|" + channel + "|" + recordedBy);
    }

    @Override
    public boolean hasUndecidedRequestBy(String caseId, java.time.OffsetDateTime deadline) {
        return undecidedRequest;
    }
}
