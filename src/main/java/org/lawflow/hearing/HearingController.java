package org.lawflow.hearing;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.lawflow.identity.CurrentUser;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.ConflictException;
import org.lawflow.system.InvalidInputException;
import org.lawflow.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cases/{id}/hearings} starts the hearing notice on its own;
 * {@code POST /api/cases/{id}/hearing-requests} records the party's request (202, or 409/422 problem details); a
 * request by post ({@code "channel":"MAIL"}) may give {@code postmarkedOn}: posted in time is in time;
 * {@code POST /api/cases/{id}/hearing-recusals} records the party's application for the host's recusal.
 */
@RestController
@RequestMapping("/api/cases/{id}")
class HearingController {

    private static final Logger log = LoggerFactory.getLogger(HearingController.class);

    record HearingStart(LocalDate noticeDeliveredOn) {
    }

    record HearingRequest(OffsetDateTime receivedAt,
            @Pattern(regexp = "WRITTEN|ORAL|MAIL|ELECTRONIC", message = "申请方式须为 WRITTEN（书面）、ORAL（口头）、MAIL（邮寄）或 ELECTRONIC（电子）") String channel,
            @Size(max = 1000, message = "备注不超过1000字") String note,
            LocalDate postmarkedOn) {
    }

    record RecusalApplication(@NotBlank(message = "请写明申请回避的理由") @Size(max = 1000, message = "理由不超过1000字") String reason) {
    }

    private final HearingService hearings;
    private final CurrentUser currentUser;

    HearingController(HearingService hearings, CurrentUser currentUser) {
        this.hearings = hearings;
        this.currentUser = currentUser;
    }

    @PostMapping("/hearings")
    ResponseEntity<Map<String, Object>> start(@PathVariable UUID id, @RequestBody(required = false) HearingStart body) {
        var instance = hearings.start(id, body == null ? null : body.noticeDeliveredOn(), currentUser.get());
        return ResponseEntity.created(URI.create("/api/cases/" + id))
                .body(Map.of("processInstanceId", instance.getId(), "processKey", HearingVariables.PROCESS_KEY));
    }

    /**
     * An engine failure caused by a concurrent change of the flow: optimistic locking, a message that no longer
     * matches or whose subscription just vanished, or Camunda 7.24's NullPointerException when the correlation loads an execution tree that the timer's
     * transaction just removed (seen in ConcurrencyTest under READ COMMITTED).
     */
    private static boolean racedWithTheFlow(RuntimeException e) {
        if (e instanceof OptimisticLockingException || e instanceof MismatchingMessageCorrelationException
                || e instanceof org.springframework.dao.ConcurrencyFailureException) { // incl. PostgreSQL's deadlock victim
            return true;
        }
        if (e instanceof org.camunda.bpm.engine.ProcessEngineException
                && !(e instanceof org.camunda.bpm.engine.AuthorizationException)) {
            // e.g. "Execution … does not have a subscription to a message event": the subscription was removed by the
            // timer's commit after the correlation found the execution. Another attempt decides on the new state; a
            // failure that is not a race fails again and is thrown after the third attempt.
            return true;
        }
        return e instanceof NullPointerException && e.getStackTrace().length > 0
                && e.getStackTrace()[0].getClassName().startsWith("org.camunda.bpm.engine.");
    }

    @PostMapping("/hearing-requests")
    ResponseEntity<?> request(@PathVariable UUID id, @Valid @RequestBody(required = false) HearingRequest body) {
        HearingRequest in = body == null ? new HearingRequest(null, null, null, null) : body;
        // the receipt time is fixed once, so a retry decides the same request at the same moment
        OffsetDateTime received = in.receivedAt() != null ? in.receivedAt() : ChinaTime.nowOffset();
        String channel = in.channel() == null ? "ELECTRONIC" : in.channel();
        UUID requestId = hearings.receive(id, received, channel, in.note(), currentUser.get());
        HearingService.RequestResult result = null;
        for (int attempt = 1; result == null; attempt++) {
            try {
                result = hearings.request(id, requestId, received, channel, in.note(), in.postmarkedOn(),
                        currentUser.get());
            } catch (RuntimeException e) {
                // the request window's timer (or another request) moved the flow between our check and the
                // correlation; the transaction was rolled back, the receipt stays: decide again on the new state,
                // which records the request as NOT_OPEN/LATE/DUPLICATE (ConcurrencyTest)
                if (attempt < 3 && racedWithTheFlow(e)) {
                    continue;
                }
                if (e instanceof InvalidInputException || e instanceof ConflictException
                        || e instanceof NotFoundException) {
                    throw e;
                }
                // anything else: the request stays on record as RECEIVED and the window's timer will not read the
                // case as waived (HearingOutcomeDelegates); the party is told it was received
                log.error("Hearing request {} of case {} recorded but not processed", requestId, id, e);
                Map<String, Object> pending = new LinkedHashMap<>();
                pending.put("outcome", RequestOutcome.RECEIVED);
                pending.put("message", "听证申请已于" + received.atZoneSameInstant(ChinaTime.ZONE).toLocalDateTime()
                        .toString().replace('T', ' ') + "登记收到；系统处理时出现故障，执法人员将核实办理，不影响申请的效力");
                return ResponseEntity.accepted().body(pending);
            }
        }
        if (result.outcome() == RequestOutcome.ACCEPTED) {
            Map<String, Object> accepted = new LinkedHashMap<>();
            accepted.put("outcome", result.outcome());
            accepted.put("message", result.message());
            accepted.put("deadline", result.deadline());
            return ResponseEntity.accepted().body(accepted);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(result.outcome().status(), result.message());
        problem.setTitle(result.outcome().label());
        problem.setType(URI.create("https://lawflow.example/problems/hearing-request-" + result.outcome().name()
                .toLowerCase().replace('_', '-')));
        problem.setProperty("outcome", result.outcome());
        if (result.deadline() != null) {
            problem.setProperty("deadline", result.deadline());
        }
        return ResponseEntity.status(result.outcome().status()).body(problem);
    }

    @PostMapping("/hearing-recusals")
    ResponseEntity<Map<String, Object>> recusal(@PathVariable UUID id, @Valid @RequestBody RecusalApplication body) {
        hearings.receiveRecusal(id, body.reason().strip(), currentUser.get());
        hearings.applyForRecusal(id, body.reason().strip(), currentUser.get());
        return ResponseEntity.accepted().body(Map.of("message", "回避申请已提交，由负责人决定"));
    }
}
