package org.lawflow.casefile;

import static org.lawflow.casefile.CaseStatus.CLOSED;
import static org.lawflow.casefile.CaseStatus.DECIDED;
import static org.lawflow.casefile.CaseStatus.FILED;
import static org.lawflow.casefile.CaseStatus.IN_REVIEW;
import static org.lawflow.casefile.CaseStatus.NOT_FILED;
import static org.lawflow.casefile.CaseStatus.REGISTERED;
import static org.lawflow.casefile.CaseStatus.TRANSFERRED;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lawflow.system.ConflictException;
import org.lawflow.system.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case lifecycle, and the only writer of {@link CaseStatus}: a case is created {@link #INITIAL} and moves only
 * by the events of {@link #TRANSITIONS}. Each event locks the case row, reads the status it comes from and refuses a
 * move the table does not list ({@link ConflictException}: 409 in /api and the engine REST, an incident in a job).
 * The review and the criminal transfer of one case may run side by side, so some events come from more than one
 * status, and some leave the status as it is (a row whose target is its source).
 */
@Component
public class CaseLifecycle {

    /** The status of a newly registered case (立案登记). */
    public static final CaseStatus INITIAL = REGISTERED;

    /** What moves a case: the Chinese name of the step and its legal basis (null where none applies). */
    public enum Event {
        FILING_APPROVED("同意立案", "《交通运输行政执法程序规定》第六十三条"),
        FILING_REFUSED("不予立案", "《交通运输行政执法程序规定》第六十二、六十三条"),
        REVIEW_STARTED("提请重大执法决定法制审核", "行政处罚法第五十八条"),
        REVIEW_REJECTED("法制审核不同意，退回承办机构", "国办发〔2018〕118号"),
        PENALTY_DECIDED("作出行政处罚决定", "行政处罚法第五十七条"),
        NO_PENALTY_DECIDED("决定不予行政处罚并结案", "行政处罚法第五十七条"),
        CRIME_FOUND_IN_REVIEW("审核或决定中发现涉嫌犯罪，终止处罚程序并移送", "行政处罚法第二十七条；国务院令第310号第三条"),
        TRANSFER_APPROVED("负责人批准移送公安机关", "国务院令第310号第五条"),
        TRANSFER_REFUSED("负责人不批准移送", "国务院令第310号第五条"),
        RETURNED_TO_ADMINISTRATIVE("公安机关最终不予立案，退回行政处理", "国务院令第310号第十条"),
        RETURNED_BY_JUDICIARY("司法机关退回案件，恢复行政处理", "行政处罚法第二十七条"),
        PENALTY_PERFORMED("处罚决定执行完毕，负责人批准结案", "行政处罚法第六十七条、第七十二条；行政强制法第五十三条");

        private final String label;
        private final String basis;

        Event(String label, String basis) {
            this.label = label;
            this.basis = basis;
        }

        public String label() {
            return label;
        }

        public String basis() {
            return basis;
        }
    }

    /** One allowed move; {@code note} says why a row that is not the plain path exists. */
    public record Transition(CaseStatus from, Event event, CaseStatus to, String note) {
    }

    /** Before the 立案 gate existed, a case could enter review unfiled: its approval keeps the later status. */
    private static final String BEFORE_GATE = "立案审批规则施行前已进入后续程序的案件";
    /** A criminal transfer started by /api while the review runs (both flows act on the case). */
    private static final String TRANSFER_DURING_REVIEW = "审核进行中另行启动的涉嫌犯罪案件移送";
    /** The police did not file while the review still ran: the review now handles the case administratively. */
    private static final String RETURNED_DURING_REVIEW = "审核进行中移送被退回行政处理（国务院令第310号第十条）";

    /** The allowed moves: from → event → to. Anything else is refused. */
    public static final List<Transition> TRANSITIONS = List.of(
            row(REGISTERED, Event.FILING_APPROVED, FILED),
            row(FILED, Event.FILING_APPROVED, FILED, BEFORE_GATE),
            row(IN_REVIEW, Event.FILING_APPROVED, IN_REVIEW, BEFORE_GATE),
            row(DECIDED, Event.FILING_APPROVED, DECIDED, BEFORE_GATE),
            row(TRANSFERRED, Event.FILING_APPROVED, TRANSFERRED, BEFORE_GATE),
            row(CLOSED, Event.FILING_APPROVED, CLOSED, BEFORE_GATE),

            row(REGISTERED, Event.FILING_REFUSED, NOT_FILED),
            row(FILED, Event.FILING_REFUSED, NOT_FILED, BEFORE_GATE),
            row(IN_REVIEW, Event.FILING_REFUSED, NOT_FILED, BEFORE_GATE),
            row(DECIDED, Event.FILING_REFUSED, NOT_FILED, BEFORE_GATE),
            row(TRANSFERRED, Event.FILING_REFUSED, NOT_FILED, BEFORE_GATE),
            row(CLOSED, Event.FILING_REFUSED, NOT_FILED, BEFORE_GATE),

            row(FILED, Event.REVIEW_STARTED, IN_REVIEW),

            row(IN_REVIEW, Event.REVIEW_REJECTED, FILED),
            row(FILED, Event.REVIEW_REJECTED, FILED, RETURNED_DURING_REVIEW),
            row(TRANSFERRED, Event.REVIEW_REJECTED, TRANSFERRED, TRANSFER_DURING_REVIEW + "：移送未办结，案件仍属移送状态"),

            row(IN_REVIEW, Event.PENALTY_DECIDED, DECIDED),
            row(FILED, Event.PENALTY_DECIDED, DECIDED, RETURNED_DURING_REVIEW),

            row(IN_REVIEW, Event.NO_PENALTY_DECIDED, CLOSED),
            row(FILED, Event.NO_PENALTY_DECIDED, CLOSED, RETURNED_DURING_REVIEW),

            row(IN_REVIEW, Event.CRIME_FOUND_IN_REVIEW, TRANSFERRED),
            row(FILED, Event.CRIME_FOUND_IN_REVIEW, TRANSFERRED, RETURNED_DURING_REVIEW),
            row(TRANSFERRED, Event.CRIME_FOUND_IN_REVIEW, TRANSFERRED, TRANSFER_DURING_REVIEW),

            row(FILED, Event.TRANSFER_APPROVED, TRANSFERRED),
            row(IN_REVIEW, Event.TRANSFER_APPROVED, TRANSFERRED, TRANSFER_DURING_REVIEW),
            row(DECIDED, Event.TRANSFER_APPROVED, TRANSFERRED, "处罚决定后发现涉嫌犯罪（国务院令第310号第十一条：已作出的决定继续执行、罚款折抵）"),
            row(TRANSFERRED, Event.TRANSFER_APPROVED, TRANSFERRED, "审核中发现涉嫌犯罪启动的移送"),

            row(TRANSFERRED, Event.TRANSFER_REFUSED, FILED),
            row(FILED, Event.TRANSFER_REFUSED, FILED),
            row(IN_REVIEW, Event.TRANSFER_REFUSED, IN_REVIEW, TRANSFER_DURING_REVIEW),
            row(DECIDED, Event.TRANSFER_REFUSED, DECIDED),

            row(DECIDED, Event.PENALTY_PERFORMED, CLOSED),
            row(TRANSFERRED, Event.PENALTY_PERFORMED, TRANSFERRED,
                    "处罚决定后移送的案件：决定已执行完毕（国务院令第310号第十一条），移送尚未办结，案件仍属移送状态"),

            row(TRANSFERRED, Event.RETURNED_TO_ADMINISTRATIVE, FILED),
            row(TRANSFERRED, Event.RETURNED_BY_JUDICIARY, FILED));

    private static Transition row(CaseStatus from, Event event, CaseStatus to) {
        return new Transition(from, event, to, null);
    }

    private static Transition row(CaseStatus from, Event event, CaseStatus to, String note) {
        return new Transition(from, event, to, note);
    }

    private final CaseRepository cases;

    CaseLifecycle(CaseRepository cases) {
        this.cases = cases;
    }

    /** 负责人同意立案. */
    public void filingApproved(UUID caseId) {
        move(caseId, Event.FILING_APPROVED);
    }

    /** 负责人决定不予立案: the case is closed for good. */
    public void filingRefused(UUID caseId) {
        move(caseId, Event.FILING_REFUSED);
    }

    /** The major-decision review starts on the filed case. */
    public void reviewStarted(UUID caseId) {
        move(caseId, Event.REVIEW_STARTED);
    }

    /** 审核不同意: the case goes back to the officers. */
    public void reviewRejected(UUID caseId) {
        move(caseId, Event.REVIEW_REJECTED);
    }

    /** The head decided a penalty. */
    public void decided(UUID caseId) {
        move(caseId, Event.PENALTY_DECIDED);
    }

    /** The head decided no penalty: the case is closed. */
    public void closedWithoutPenalty(UUID caseId) {
        move(caseId, Event.NO_PENALTY_DECIDED);
    }

    /** The review found a suspected crime: the penalty procedure stops, the case goes to the criminal transfer. */
    public void crimeFoundInReview(UUID caseId) {
        move(caseId, Event.CRIME_FOUND_IN_REVIEW);
    }

    /** The head approved the criminal transfer. */
    public void transferApproved(UUID caseId) {
        move(caseId, Event.TRANSFER_APPROVED);
    }

    /** The head refused the criminal transfer: administrative handling goes on. */
    public void transferRefused(UUID caseId) {
        move(caseId, Event.TRANSFER_REFUSED);
    }

    /** The police finally did not file: the case returns to administrative handling. */
    public void returnedToAdministrative(UUID caseId) {
        move(caseId, Event.RETURNED_TO_ADMINISTRATIVE);
    }

    /** The police, procuratorate or court returned the transferred case: administrative handling resumes. */
    public void returnedByJudiciary(UUID caseId) {
        move(caseId, Event.RETURNED_BY_JUDICIARY);
    }

    /** 执行与结案: the decided penalty was performed (paid, enforced or carried out) and the head approved closure. */
    public CaseStatus closedAfterPerformance(UUID caseId) {
        return move(caseId, Event.PENALTY_PERFORMED);
    }

    /** The status the event leads to from {@code from}, if the table allows the move. */
    public static Optional<CaseStatus> target(CaseStatus from, Event event) {
        return TRANSITIONS.stream().filter(t -> t.from() == from && t.event() == event).map(Transition::to)
                .findFirst();
    }

    /**
     * Refuses to start {@code procedure} on a case whose status its first move ({@code event}) would not leave: the
     * start fails at once instead of the flow failing later at that step.
     */
    static void requireStartable(CaseStatus status, Event event, String procedure) {
        if (target(status, event).isEmpty()) {
            throw new ConflictException("案件当前状态为“" + status.label() + "”，不能启动" + procedure + "程序");
        }
    }

    /** Under the case row lock (until the caller's transaction ends): check the move against the table, then write. */
    @Transactional
    CaseStatus move(UUID caseId, Event event) {
        cases.lock(caseId);
        CaseStatus from = cases.statusOf(caseId).orElseThrow(() -> new NotFoundException("案件不存在：" + caseId));
        CaseStatus to = target(from, event).orElseThrow(() -> refusal(from, event));
        if (to != from) {
            cases.writeStatus(caseId, to);
        }
        return to;
    }

    private static ConflictException refusal(CaseStatus from, Event event) {
        String allowed = TRANSITIONS.stream().filter(t -> t.event() == event).map(t -> "“" + t.from().label() + "”")
                .distinct().collect(Collectors.joining("、"));
        return new ConflictException("案件当前状态为“" + from.label() + "”，不能" + event.label() + "（仅限" + allowed
                + "的案件" + (event.basis() == null ? "" : "；" + event.basis()) + "）");
    }
}
