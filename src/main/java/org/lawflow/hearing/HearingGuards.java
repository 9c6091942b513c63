package org.lawflow.hearing;

import static org.lawflow.hearing.HearingVariables.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.lawflow.identity.Groups;
import org.lawflow.system.InputChecks;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The complete listener of every hearing-notice user task ({@code delegateExpression="${hearingGuards}"}),
 * dispatching on the task id: each check refuses an
 * unlawful or incomplete entry with a Chinese message naming the field, normalises what it accepts and
 * records actor and dates in the case's full-process record (行政处罚法第四十七条).
 */
@Component("hearingGuards")
class HearingGuards implements TaskListener {

    static final Set<String> NOT_PUBLIC_REASONS = Set.of("涉及国家秘密", "涉及商业秘密", "涉及个人隐私");
    static final Set<String> ATTENDANCES = Set.of("PRESENT", "EXCUSED", "ABSENT", "LEFT");
    private static final String STEP = "听证";

    private final HearingRecords records;

    HearingGuards(HearingRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getTaskDefinitionKey()) {
            case "Task_RecordNotificationDelivery" -> notificationDelivered(task);
            case "Task_AwaitHearingRequest" -> requestRecorded(task);
            case "Task_AppointHost" -> hostAppointed(task);
            case "Task_DecideRecusal" -> recusalDecided(task);
            case "Task_ScheduleHearing" -> scheduled(task, (Date) task.getVariableLocal("earliestHearingDate"));
            case "Task_RecordHearing" -> hearingRecorded(task);
            case "Task_WriteHearingReport" -> reportWritten(task);
            default -> throw new IllegalStateException("No hearing guard for " + task.getTaskDefinitionKey());
        }
    }

    /** 记录听证告知书送达 (flow started on its own). */
    void notificationDelivered(DelegateTask task) {
        LocalDate delivered = requiredDay(task, NOTICE_DELIVERED_ON, "请填写听证告知书送达日期");
        if (delivered.isAfter(today())) {
            throw new InvalidInputException(NOTICE_DELIVERED_ON, "送达日期不能晚于今天");
        }
        task.setVariable(NOTICE_DELIVERED_ON, delivered.toString());
        record(task, "听证告知书送达", "送达日期：" + chinese(delivered) + "；送达方式：" + string(task, "deliveryMethod"));
    }

    /** 等待或记录听证申请: the officer records a request received in time, or an express waiver. */
    void requestRecorded(DelegateTask task) {
        String response = string(task, PARTY_RESPONSE);
        if (!"REQUESTED".equals(response) && !"WAIVED".equals(response)) {
            throw new InvalidInputException(PARTY_RESPONSE, "请选择“当事人申请听证”或“当事人明确放弃听证”");
        }
        String channel = required(task, REQUEST_CHANNEL, "请选择当事人提出申请或放弃的方式");
        String note = string(task, REQUEST_NOTE);
        LocalDate deadline = day(task.getVariable(REQUEST_DEADLINE));
        if ("WAIVED".equals(response)) {
            if (note == null) {
                throw new InvalidInputException(REQUEST_NOTE, "明确放弃听证的，请记录当事人的书面声明或笔录内容");
            }
            task.setVariable(REQUESTED, false);
            record(task, "当事人明确放弃听证", "方式：" + channel + "；" + note);
            return;
        }
        LocalDate on = requiredDay(task, REQUESTED_ON, "请填写当事人提出听证申请的日期");
        if (on.isAfter(today())) {
            throw new InvalidInputException(REQUESTED_ON, "申请日期不能晚于今天");
        }
        if (deadline != null && on.isAfter(deadline)) {
            throw new InvalidInputException(REQUESTED_ON, "申请日期" + chinese(on) + "晚于听证申请期限（" + chinese(deadline)
                    + "届满，行政处罚法第六十四条第一项：告知后五个工作日内提出），属逾期申请，不能登记为有效申请");
        }
        task.setVariable(REQUESTED, true);
        task.setVariable(REQUESTED_ON, on.toString());
        String caseId = string(task, CASE_ID);
        records.request(caseId, task.getProcessInstanceId(), on.atStartOfDay(CHINA).toOffsetDateTime(),
                RequestOutcome.ACCEPTED, channel, note, actor(task));
        record(task, "登记听证申请", "申请日期：" + chinese(on) + "；方式：" + channel + "；期限截止：" + chinese(deadline));
    }

    /** 指定听证主持人: a non-investigator of the group hearing-host, not recused; note-taker optional. */
    void hostAppointed(DelegateTask task) {
        String host = required(task, HOST, "请指定听证主持人");
        var c = records.caseById(string(task, CASE_ID)).orElseThrow();
        if (c.officers().contains(host)) {
            throw new InvalidInputException(HOST, "“" + host + "”是本案的调查人员，不得主持听证"
                    + "（行政处罚法第六十四条第四项：听证由行政机关指定的非本案调查人员主持）");
        }
        if (recused(task).contains(host)) {
            throw new InvalidInputException(HOST, "“" + host + "”已被决定回避，请另行指定听证主持人");
        }
        var identity = task.getProcessEngineServices().getIdentityService();
        var query = identity.createUserQuery().userId(host).memberOfGroup(Groups.HEARING_HOST);
        if (task.getTenantId() != null) {
            query.memberOfTenant(task.getTenantId());
        }
        var user = query.singleResult();
        if (user == null) {
            throw new InvalidInputException(HOST, "“" + host + "”不是本机构的听证主持人（须属于“听证主持人”组）");
        }
        String noteTaker = string(task, NOTE_TAKER);
        if (noteTaker != null && noteTaker.equals(host)) {
            throw new InvalidInputException(NOTE_TAKER, "记录员不能由听证主持人兼任");
        }
        if (noteTaker != null && c.officers().contains(noteTaker)) {
            throw new InvalidInputException(NOTE_TAKER, "记录员不得由本案调查人员担任");
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        task.setVariable(HOST, host);
        task.setVariable(HOST_NAME, name.isEmpty() ? host : name);
        task.setVariable(NOTE_TAKER, noteTaker);
        record(task, "指定听证主持人", "主持人：" + (name.isEmpty() ? host : name) + "（" + host + "）"
                + (noteTaker == null ? "" : "；记录员：" + noteTaker));
    }

    /** 决定是否回避 (第四十三条、第六十四条第四项): the head decides; a granted recusal excludes the host. */
    void recusalDecided(DelegateTask task) {
        String decision = string(task, RECUSAL_DECISION);
        if (!"GRANTED".equals(decision) && !"REJECTED".equals(decision)) {
            throw new InvalidInputException(RECUSAL_DECISION, "请选择准予回避或驳回申请");
        }
        String reasons = required(task, "recusalDecisionReasons", "请写明决定理由");
        String host = string(task, HOST);
        if ("GRANTED".equals(decision) && host != null) {
            var recused = new java.util.ArrayList<>(recused(task));
            recused.add(host);
            task.setVariable(RECUSED_HOSTS, String.join(",", recused));
        }
        record(task, "回避决定", ("GRANTED".equals(decision) ? "准予回避，另行指定主持人" : "驳回回避申请")
                + "；被申请回避人：" + host + "；申请理由：" + string(task, RECUSAL_REASON) + "；决定理由：" + reasons);
    }

    /** 安排听证: at least seven working days after the notice (第六十四条第二项), public unless secret/privacy. */
    void scheduled(DelegateTask task, Date earliest) {
        String at = required(task, HEARING_AT, "请填写听证时间");
        LocalDateTime when;
        try {
            when = dateTime(at);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(HEARING_AT, "听证时间格式无效：" + at);
        }
        LocalDate earliestDay = day(earliest);
        if (when.toLocalDate().isBefore(earliestDay)) {
            throw new InvalidInputException(HEARING_AT, "听证日期最早为" + chinese(earliestDay)
                    + "：行政处罚法第六十四条第二项要求在举行听证的七个工作日前通知当事人听证的时间、地点");
        }
        required(task, HEARING_PLACE, "请填写听证地点");
        boolean isPublic = !"false".equals(String.valueOf(task.getVariable(HEARING_PUBLIC)))
                && task.getVariable(HEARING_PUBLIC) != null;
        String reason = string(task, NOT_PUBLIC_REASON);
        if (!isPublic && (reason == null || !NOT_PUBLIC_REASONS.contains(reason))) {
            throw new InvalidInputException(NOT_PUBLIC_REASON,
                    "听证应当公开举行；不公开的，须选择理由：涉及国家秘密、商业秘密或者个人隐私（第六十四条第三项）");
        }
        String agents = string(task, PARTY_AGENTS);
        long agentCount = agents == null ? 0
                : Arrays.stream(agents.split("[\\n,，;；、]")).filter(s -> !s.isBlank()).count();
        if (agentCount > 2) {
            throw new InvalidInputException(PARTY_AGENTS, "当事人可以亲自参加听证，也可以委托一至二人代理（第六十四条第五项），最多填写两名代理人");
        }
        task.setVariable(HEARING_AT, when.toString());
        task.setVariable(HEARING_PUBLIC, isPublic);
        task.setVariable(NOT_PUBLIC_REASON, isPublic ? null : reason);
        record(task, "安排听证", "时间：" + when.toString().replace('T', ' ') + "；地点：" + string(task, HEARING_PLACE)
                + "；" + (isPublic ? "公开举行" : "不公开举行（" + reason + "）") + "；代理人" + agentCount + "名");
    }

    /** 举行听证并制作笔录: attendance, then the record with the party's signature or the noted refusal. */
    void hearingRecorded(DelegateTask task) {
        String attendance = string(task, ATTENDANCE);
        if (attendance == null || !ATTENDANCES.contains(attendance)) {
            throw new InvalidInputException(ATTENDANCE, "请记录当事人到场情况：到场、有正当理由未到场、无正当理由未到场或中途退场");
        }
        if (!"PRESENT".equals(attendance)) {
            required(task, "attendanceNote", "请记录未到场或中途退场的经过，以及是否有正当理由");
            record(task, "听证到场情况", ("EXCUSED".equals(attendance) ? "当事人有正当理由未到场，听证延期举行"
                    : "ABSENT".equals(attendance) ? "当事人无正当理由未到场" : "当事人未经许可中途退场")
                    + "；" + string(task, "attendanceNote"));
            return;
        }
        required(task, "investigatorStatement", "请记录调查人员提出的违法事实、证据和行政处罚建议");
        required(task, "partyDefence", "请记录当事人的申辩意见");
        required(task, "crossExamination", "请记录质证情况");
        boolean signed = isTrue(task, "partySigned");
        task.setVariable("partySigned", signed);
        if (!signed) {
            required(task, "signatureRefusalNote", "当事人或其代理人拒绝签字或盖章的，由听证主持人在笔录中注明");
        }
        record(task, "听证笔录", "当事人到场；" + (signed ? "当事人已签字" : "当事人拒绝签字：" + string(task, "signatureRefusalNote")));
    }

    /** 撰写听证报告: the host's opinion. */
    void reportWritten(DelegateTask task) {
        String opinion = required(task, "hearingOpinion", "请填写听证主持人的处理意见");
        record(task, "听证报告", opinion);
    }

    static String currentUser(ProcessEngineServices services, String fallback) {
        var authentication = services.getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : fallback;
    }

    private void record(DelegateTask task, String action, String detail) {
        records.event(string(task, CASE_ID), actor(task), STEP, action, detail);
    }

    private static String actor(DelegateTask task) {
        return currentUser(task.getProcessEngineServices(), task.getAssignee() == null ? "system" : task.getAssignee());
    }

    private static List<String> recused(DelegateTask task) {
        String value = string(task, RECUSED_HOSTS);
        return value == null ? List.of() : List.of(value.split(","));
    }

    private static String required(DelegateTask task, String name, String message) {
        String value = string(task, name);
        if (value == null) {
            throw new InvalidInputException(name, message);
        }
        return value;
    }

    private static LocalDate requiredDay(DelegateTask task, String name, String message) {
        String value = required(task, name, message);
        try {
            return InputChecks.pastDate(name, day(value));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "日期格式无效：" + value);
        }
    }

    private static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(CHINA).toLocalDate();
    }
}
