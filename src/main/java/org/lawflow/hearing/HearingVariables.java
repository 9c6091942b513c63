package org.lawflow.hearing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.ChinaTimeFormat;
import org.lawflow.system.ProcessVariables;

/** Names of the hearing-notice variables (contract section 4 and the document templates), in one place. */
final class HearingVariables {

    static final String PROCESS_KEY = "hearing-notice";
    static final String MESSAGE_REQUESTED = "HearingRequested";
    static final String MESSAGE_RECUSAL = "HearingRecusalRequested";
    static final ZoneId CHINA = ChinaTime.ZONE;
    /** The request channels (hearingRequestChannel, the REST "channel") as the 登记听证申请 form names them. */
    private static final Map<String, String> CHANNELS = Map.of("WRITTEN", "书面申请", "ORAL", "口头申请（已制作笔录）",
            "MAIL", "邮寄", "ELECTRONIC", "电子方式");

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
    static final String NOTE_TAKER_NAME = "noteTakerName";
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

    // the readers are ProcessVariables'; these keep the hearing's call sites short
    static String string(VariableScope scope, String name) {
        return ProcessVariables.nonBlank(scope, name);
    }

    static boolean isTrue(VariableScope scope, String name) {
        return ProcessVariables.isTrue(scope, name);
    }

    static LocalDate day(Object value) {
        return ProcessVariables.day(value);
    }

    static LocalDateTime dateTime(String s) {
        return ProcessVariables.dateTime(s);
    }

    static String chinese(LocalDate day) {
        return ChinaTimeFormat.documentDate(day);
    }

    /** How the party made a hearing request, in the words of the 登记听证申请 form (the code itself if unknown). */
    static String channelLabel(String channel) {
        return CHANNELS.getOrDefault(channel, channel);
    }

    private HearingVariables() {
    }
}
