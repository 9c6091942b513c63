package org.lawflow.hearing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.lawflow.system.ChinaTimeFormat;

/** Names of the hearing-notice variables (contract section 4 and the document templates), in one place. */
final class HearingVariables {

    static final String PROCESS_KEY = "hearing-notice";
    static final String MESSAGE_REQUESTED = "HearingRequested";
    static final String MESSAGE_RECUSAL = "HearingRecusalRequested";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static final String CASE_ID = "caseId";
    static final String CASE_NO = "caseNo";
    static final String CASE_CAUSE = "caseCause";
    static final String AGENCY_ID = "agencyId";
    static final String CASE_OFFICERS = "caseOfficers";
    static final String NOTICE_DELIVERED_ON = "noticeDeliveredOn";
    static final String REQUEST_DEADLINE = "hearingRequestDeadline";
    static final String REQUESTED = "hearingRequested";
    static final String REQUESTED_ON = "hearingRequestedOn";
    static final String REQUEST_CHANNEL = "hearingRequestChannel";
    static final String REQUEST_NOTE = "hearingRequestNote";
    static final String PARTY_RESPONSE = "partyResponse";
    static final String HOST = "hearingHost";
    static final String HOST_NAME = "hearingHostName";
    static final String NOTE_TAKER = "noteTaker";
    static final String RECUSED_HOSTS = "recusedHosts";
    static final String RECUSAL_DECISION = "recusalDecision";
    static final String RECUSAL_REASON = "recusalReason";
    static final String HEARING_AT = "hearingAt";
    static final String HEARING_PLACE = "hearingPlace";
    static final String HEARING_PUBLIC = "hearingPublic";
    static final String NOT_PUBLIC_REASON = "notPublicReason";
    static final String PARTY_AGENTS = "partyAgents";
    static final String ATTENDANCE = "attendance";
    static final String OUTCOME = "hearingOutcome";
    static final String NOTICE_MADE_ON = "hearingNoticeMadeOn";
    static final String NOTICE_SERVED_ON = "hearingNoticeServedOn";
    static final String NOTICE_EFFECTIVE_ON = "hearingNoticeEffectiveOn";
    static final String EARLIEST_AFTER_SERVICE = "earliestHearingAfterService";
    static final String NOTICE_IN_TIME = "hearingNoticeInTime";
    static final String RESCHEDULE_REASON = "rescheduleReason";
    static final String NOTIFICATION_MADE_ON = "hearingNotificationMadeOn";
    static final String REQUEST_POSTMARKED_ON = "hearingRequestPostmarkedOn";

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value).strip();
        return s.isEmpty() ? null : s;
    }

    static boolean isTrue(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** A date as the forms send it ("2026-09-29", or an ISO date-time) or a Date, as a day in China. */
    static LocalDate day(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(CHINA).toLocalDate();
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        String s = String.valueOf(value).strip();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() == 10 ? LocalDate.parse(s) : dateTime(s).toLocalDate();
    }

    /** An ISO date-time from a form ("2026-10-20T09:00", with or without zone) as local time in China. */
    static LocalDateTime dateTime(String s) {
        if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return OffsetDateTime.parse(s).atZoneSameInstant(CHINA).toLocalDateTime();
        }
        return LocalDateTime.parse(s);
    }

    static String chinese(LocalDate day) {
        return ChinaTimeFormat.documentDate(day);
    }

    private HearingVariables() {
    }
}
