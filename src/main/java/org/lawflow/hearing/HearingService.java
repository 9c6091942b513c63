package org.lawflow.hearing;

import static org.lawflow.hearing.HearingVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.lawflow.casefile.CaseFileService;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.identity.EngineAuthentication;
import org.lawflow.identity.LawFlowUser;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.ChinaTimeFormat;
import org.lawflow.system.ConflictException;
import org.lawflow.system.InputChecks;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts hearing-notice on its own, and receives the party's hearing requests and recusal applications.
 * A request is always recorded; only one in the window, while the flow waits for it, is correlated.
 * The engine calls run after the app's own agency check, without the engine user's authorizations
 * (officers may read but not modify the hearing instance in Camunda).
 */
@Service
class HearingService {

    record RequestResult(UUID caseId, RequestOutcome outcome, String message, Date deadline) {
    }

    private final CaseFileService caseFiles;
    private final CaseFlows flows;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final EngineAuthentication engineAuthentication;
    private final JdbcHearingRecords records;

    HearingService(CaseFileService caseFiles, CaseFlows flows, RuntimeService runtimeService,
            HistoryService historyService, EngineAuthentication engineAuthentication, JdbcHearingRecords records) {
        this.caseFiles = caseFiles;
        this.flows = flows;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.engineAuthentication = engineAuthentication;
        this.records = records;
    }

    @Transactional
    ProcessInstance start(UUID caseId, LocalDate noticeDeliveredOn, LawFlowUser user) {
        EnforcementCase c = flows.lockForStart(caseFiles.getVisible(caseId, user));
        if (!c.isOfficer(user.id())) {
            throw new InvalidInputException("user", "只有本案执法人员可以启动听证告知程序");
        }
        if (flows.isRunning(PROCESS_KEY, c)) {
            throw new ConflictException("本案已有进行中的听证告知程序");
        }
        caseFiles.requireFiled(c, PROCESS_KEY);
        if (noticeDeliveredOn != null && noticeDeliveredOn.isAfter(ChinaTime.today())) {
            throw new InvalidInputException(NOTICE_DELIVERED_ON, "送达日期不能晚于今天");
        }
        InputChecks.pastDate(NOTICE_DELIVERED_ON, noticeDeliveredOn);
        Map<String, Object> extra = new HashMap<>();
        if (noticeDeliveredOn != null) {
            extra.put(NOTICE_DELIVERED_ON, noticeDeliveredOn.toString());
        }
        return flows.start(PROCESS_KEY, c, extra);
    }

    /**
     * Writes the party's request down in a transaction of its own, before anything is decided: whatever fails later
     * (the engine, a calendar, a mail), the request and its time of receipt stay on record.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    UUID receive(UUID caseId, OffsetDateTime received, String channel, String note, LawFlowUser user) {
        EnforcementCase c = caseFiles.getVisible(caseId, user);
        if (received.isAfter(ChinaTime.nowOffset().plusMinutes(5))) {
            throw new InvalidInputException("receivedAt", "收到申请的时间不能晚于当前时间");
        }
        InputChecks.pastMoment("receivedAt", received);
        UUID id = records.receive(c.id(), received, channel, note, user.id());
        records.event(c.id().toString(), user.id(), "听证", "收到听证申请（已登记，待处理）",
                "收到时间：" + ChinaTimeFormat.dateTime(received)
                        + "；方式：" + channelLabel(channel));
        return id;
    }

    @Transactional
    RequestResult request(UUID caseId, UUID requestId, OffsetDateTime received, String channel, String note,
            LocalDate postmarkedOn, LawFlowUser user) {
        EnforcementCase c = caseFiles.getVisible(caseId, user);
        LocalDate postmarked = postmark(received, channel, postmarkedOn);
        RequestResult result = engineAuthentication.unrestricted(() -> decide(c, received, channel, note, postmarked));
        ProcessInstance running = running(c);
        records.decided(requestId, running == null ? null : running.getId(), result.outcome());
        records.event(c.id().toString(), user.id(), "听证", "收到听证申请：" + result.outcome().label(),
                "收到时间：" + ChinaTimeFormat.dateTime(received)
                        + "；方式：" + channelLabel(channel) + (postmarked == null ? "" : "；邮戳日期：" + chinese(postmarked))
                        + "；" + result.message());
        return result;
    }

    /** A postmark counts for a request by post only, and cannot lie after the day the request arrived. */
    private static LocalDate postmark(OffsetDateTime received, String channel, LocalDate postmarkedOn) {
        if (postmarkedOn == null) {
            return null;
        }
        if (!"MAIL".equals(channel)) {
            throw new InvalidInputException("postmarkedOn", "邮戳日期仅适用于邮寄（MAIL）提出的申请");
        }
        InputChecks.pastDate("postmarkedOn", postmarkedOn);
        if (postmarkedOn.isAfter(received.atZoneSameInstant(CHINA).toLocalDate())) {
            throw new InvalidInputException("postmarkedOn", "邮戳日期晚于收到申请的时间，请核对信封邮戳");
        }
        return postmarkedOn;
    }

    /** The party's recusal application goes on record first, in its own transaction (also when it is refused). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void receiveRecusal(UUID caseId, String reason, LawFlowUser user) {
        EnforcementCase c = caseFiles.getVisible(caseId, user);
        records.event(c.id().toString(), user.id(), "听证", "收到当事人申请听证主持人回避", reason);
    }

    @Transactional
    void applyForRecusal(UUID caseId, String reason, LawFlowUser user) {
        EnforcementCase c = caseFiles.getVisible(caseId, user);
        engineAuthentication.unrestricted(() -> {
            ProcessInstance running = running(c);
            boolean open = running != null && runtimeService.createEventSubscriptionQuery()
                    .processInstanceId(running.getId()).eventType("message").eventName(MESSAGE_RECUSAL).count() > 0;
            if (!open) {
                throw new ConflictException("当前不能申请回避：须已指定听证主持人且听证尚未结束");
            }
            runtimeService.createMessageCorrelation(MESSAGE_RECUSAL).processInstanceId(running.getId())
                    .setVariable(RECUSAL_REASON, reason)
                    .setVariable("recusalAppliedOn", ChinaTime.today().toString())
                    .correlate();
            return null;
        });
        records.event(c.id().toString(), user.id(), "听证", "回避申请已转负责人决定", reason);
    }

    private RequestResult decide(EnforcementCase c, OffsetDateTime received, String channel, String note,
            LocalDate postmarked) {
        ProcessInstance running = running(c);
        String instanceId = running != null ? running.getId() : latestEnded(c);
        if (instanceId == null) {
            return result(c, RequestOutcome.NOT_OPEN, "本案尚未告知听证权利，听证申请期限尚未开始", null);
        }
        Map<String, Object> vars = variables(instanceId, running != null);
        Date deadline = (Date) vars.get(REQUEST_DEADLINE);
        if (Boolean.TRUE.equals(vars.get(REQUESTED)) || running != null && records.hasAccepted(running.getId())) {
            return result(c, RequestOutcome.DUPLICATE, "本案的听证申请已受理，请勿重复申请", deadline);
        }
        if (deadline == null) {
            return result(c, RequestOutcome.NOT_OPEN,
                    "听证告知书的送达尚未登记，申请期限尚未开始计算；请执法人员先登记送达日期", null);
        }
        // 在途时间不计入期间 (民事诉讼法第八十五条, by analogy): a request posted by the last day is in time
        boolean postedInTime = postmarked != null && !postmarked.isAfter(day(deadline));
        if (received.toInstant().isAfter(deadline.toInstant()) && !postedInTime) {
            return result(c, RequestOutcome.LATE, "听证申请期限已于" + chinese(day(deadline))
                    + "届满（行政处罚法第六十四条第一项：告知后五个工作日内提出），本申请逾期", deadline);
        }
        if (running == null && postedInTime) {
            return result(c, RequestOutcome.NOT_OPEN, "申请于" + chinese(postmarked) + "交邮，在期限内，依法视为按期提出（在途时间不计入期间）；"
                    + "但听证告知程序已结束（" + vars.get(OUTCOME) + "），已登记，请执法人员报负责人依法组织听证", deadline);
        }
        if (running == null) {
            return result(c, RequestOutcome.NOT_OPEN, "本案听证告知程序已结束（" + vars.get(OUTCOME) + "），无法受理", deadline);
        }
        boolean waiting = runtimeService.createEventSubscriptionQuery().processInstanceId(running.getId())
                .eventType("message").eventName(MESSAGE_REQUESTED).count() > 0;
        if (!waiting) {
            return result(c, RequestOutcome.NOT_OPEN, "听证告知程序当前不在等待听证申请的阶段", deadline);
        }
        runtimeService.createMessageCorrelation(MESSAGE_REQUESTED).processInstanceBusinessKey(c.caseNo())
                .tenantId(c.agencyId())
                .setVariable(REQUESTED, true)
                .setVariable(REQUESTED_ON, received.atZoneSameInstant(CHINA).toLocalDate().toString())
                .setVariable(REQUEST_CHANNEL, channel)
                .setVariable(REQUEST_NOTE, note)
                .setVariable(REQUEST_POSTMARKED_ON, postmarked == null ? null : postmarked.toString())
                .correlateWithResult();
        return result(c, RequestOutcome.ACCEPTED, "听证申请已受理，将由负责人指定听证主持人", deadline);
    }

    private static RequestResult result(EnforcementCase c, RequestOutcome outcome, String message, Date deadline) {
        return new RequestResult(c.id(), outcome, message, deadline);
    }

    private ProcessInstance running(EnforcementCase c) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(c.caseNo()).tenantIdIn(c.agencyId()).list().stream().findFirst()
                .orElse(null);
    }

    private String latestEnded(EnforcementCase c) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(c.caseNo()).tenantIdIn(c.agencyId()).orderByProcessInstanceStartTime()
                .desc().listPage(0, 1).stream().findFirst().map(h -> h.getId()).orElse(null);
    }

    private Map<String, Object> variables(String instanceId, boolean running) {
        if (running) {
            return runtimeService.getVariables(instanceId);
        }
        Map<String, Object> vars = new HashMap<>();
        historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).list()
                .forEach(v -> vars.put(v.getName(), v.getValue()));
        return vars;
    }

}
