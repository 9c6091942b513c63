package org.lawflow.transfer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.InputChecks;
import org.lawflow.system.InvalidInputException;
import org.lawflow.system.ProcessVariables;

/** Process variable names of the transfer flows (contract section 2) and how to read them. */
final class TransferVariables {

    static final String CASE_ID = "caseId";
    static final String CASE_NO = "caseNo";
    static final String AGENCY_ID = "agencyId";
    static final String TRANSFER_ID = "transferId";
    static final String TRANSFER_REASON = "transferReason";
    static final String STARTED_FROM = "startedFrom";
    static final String LEAD_OFFICER = "leadOfficer";
    static final String TEAM = "transferTeam";
    static final String SUSPECTED_CRIME = "suspectedCrime";
    static final String REPORT = "transferReport";
    static final String REPORT_SUBMITTED_ON = "reportSubmittedOn";
    static final String HEAD_APPROVAL = "headApproval";
    static final String HEAD_OPINION = "headOpinion";
    static final String POLICE_RECEIVED_ON = "policeReceivedOn";
    static final String FILING_DECISION = "filingDecision";
    static final String FILING_NOTICE_ON = "filingNoticeOn";
    static final String POLICE_REASONS = "policeReasons";
    static final String CHALLENGE = "challenge";
    static final String CHALLENGE_REASONS = "challengeReasons";
    static final String RECONSIDERATION_DECISION = "reconsiderationDecision";
    static final String REQUEST_SUPERVISION = "requestSupervision";
    static final String SUPERVISION_OUTCOME = "supervisionOutcome";
    static final String HANDOVER_LIST = "handoverList";
    static final String HANDED_OVER_ON = "handedOverOn";
    static final String POLICE_RECEIVER = "policeReceiver";
    static final String JUDICIAL_OUTCOME = "judicialOutcome";
    static final String RETURNING_BODY = "returningBody";
    static final String RETURN_LETTER_ON = "returnLetterOn";
    static final String RETURN_LETTER_NO = "returnLetterNo";
    static final String RETURN_REASONS = "returnReasons";
    static final String PERSON_INVOLVED = "personInvolved";
    static final String PERSON_POSITION = "personPosition";
    static final String CADRE_LEVEL = "cadreLevel";
    static final String PARTY_MEMBER = "partyMember";
    static final String CLUE_FACTS = "clueFacts";
    static final String CLUE_MATERIALS = "clueMaterials";
    static final String DISCOVERED_ON = "discoveredOn";
    static final String RECEIVING_BODY = "receivingBody";
    static final String RECEIVING_BODY_NAME = "receivingBodyName";
    /** The receiving body as a mail recipient token (disciplineInternal or disciplineCommission). */
    static final String RECEIVING_BODY_RECIPIENT = "receivingBodyRecipient";
    static final String CLUE_RECEIVED_ON = "clueReceivedOn";
    static final String CLUE_FEEDBACK = "clueFeedback";
    static final String CLUE_FEEDBACK_ON = "clueFeedbackOn";

    static final Set<String> APPROVALS = Set.of("APPROVE", "REFUSE");
    static final Set<String> FILING_DECISIONS = Set.of("FILED", "NOT_FILED");
    static final Set<String> CHALLENGES = Set.of("RECONSIDERATION", "SUPERVISION", "NONE");
    /** What became of a case the police filed: returned by a judicial organ, or the criminal proceedings ended. */
    static final Set<String> JUDICIAL_OUTCOMES = Set.of("RETURNED", "CONCLUDED");
    static final Set<String> RETURNING_BODIES = Set.of("POLICE", "PROCURATORATE", "COURT");
    /** 本单位领导班子成员: their clues go to the commission without the head's approval (监察法第三十七条). */
    static final String AGENCY_LEADER = "AGENCY_LEADER";
    static final Set<String> CADRE_LEVELS = Set.of("AGENCY_STAFF", "AGENCY_LEADER", "CITY_MANAGED", "OTHER");

    private TransferVariables() {
    }

    static String string(VariableScope scope, String name) {
        return ProcessVariables.string(scope, name);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String required(VariableScope scope, String name, String message) {
        String value = string(scope, name);
        if (blank(value)) {
            throw new InvalidInputException(name, message);
        }
        return value;
    }

    static String oneOf(VariableScope scope, String name, Set<String> allowed, String message) {
        String value = string(scope, name);
        if (value == null || !allowed.contains(value)) {
            throw new InvalidInputException(name, message);
        }
        return value;
    }

    static UUID uuid(VariableScope scope, String name) {
        return ProcessVariables.uuid(scope, name);
    }

    /** A date from a form ("2026-11-23"), REST, or a date-time string; null if absent. */
    static LocalDate date(Object value, String field) {
        try {
            LocalDate day = ProcessVariables.day(value);
            // every date of a transfer records something that happened
            return day == null ? null : InputChecks.pastDate(field, day);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "日期格式应为 YYYY-MM-DD");
        }
    }

    static LocalDate requiredDate(VariableScope scope, String name, String message) {
        LocalDate date = date(scope.getVariable(name), name);
        if (date == null) {
            throw new InvalidInputException(name, message);
        }
        if (date.isAfter(ChinaTime.today())) {
            throw new InvalidInputException(name, "日期不能晚于今天");
        }
        return date;
    }

    /**
     * The {@code transferTeam} variable as picked: a Json list from a form's taglist (start form or 指定专案组), a list
     * or text from the engine REST and the app; empty when absent.
     */
    static List<String> team(VariableScope scope) {
        var picked = new java.util.ArrayList<String>();
        ProcessVariables.list(scope, TEAM).forEach(member -> picked.add(member.asText("")));
        return members(picked);
    }

    /** The team as a list: from a comma string (forms) or a JSON/Java list (REST). */
    static List<String> members(Object team) {
        if (team == null) {
            return List.of();
        }
        if (team instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        }
        return java.util.Arrays.stream(String.valueOf(team).split("[,，\\s]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
    }
}
