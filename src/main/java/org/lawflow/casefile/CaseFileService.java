package org.lawflow.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.camunda.bpm.engine.IdentityService;
import org.lawflow.system.ChinaTime;
import org.lawflow.agency.AgencyRepository;
import org.lawflow.identity.Groups;
import org.lawflow.identity.LawFlowUser;
import org.lawflow.system.ConflictException;
import org.lawflow.system.InvalidInputException;
import org.lawflow.system.StatutoryCount;
import org.lawflow.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers case files and hands them out only to users of the case's agency. */
@Service
public class CaseFileService {


    private final CaseRepository cases;
    private final AgencyRepository agencies;
    private final IdentityService identityService;
    private final CaseEvents events;
    private final CaseFlows flows;

    CaseFileService(CaseRepository cases, AgencyRepository agencies, IdentityService identityService, CaseEvents events,
            CaseFlows flows) {
        this.cases = cases;
        this.agencies = agencies;
        this.identityService = identityService;
        this.events = events;
        this.flows = flows;
    }

    /** Validates everything first, then writes in one transaction: bad input leaves no row behind. */
    @Transactional
    public EnforcementCase register(CaseRegistration r, LawFlowUser user) {
        if (!user.isIn(Groups.OFFICER)) {
            throw new InvalidInputException("user", "只有执法人员可以登记案件");
        }
        String agencyId = r.agencyId() == null || r.agencyId().isBlank() ? user.homeAgency() : r.agencyId();
        if (agencies.findById(agencyId).isEmpty() || !user.canSee(agencyId)) {
            throw new InvalidInputException("agencyId", "执法机构不存在或不属于当前用户");
        }
        validateParty(r.party());
        validatePenalties(r.proposedDecision().penalties());
        List<String> officers = validateOfficers(r.officers(), user, agencyId);
        LocalDate today = ChinaTime.today();
        LocalDate filedOn = r.filedOn() == null ? today : r.filedOn();
        if (filedOn.isAfter(today) || filedOn.isBefore(today.minusYears(2))) {
            throw new InvalidInputException("filedOn", "立案日期不能晚于今天，也不能早于两年前");
        }

        var agency = agencies.get(agencyId);
        int number = cases.nextCaseNumber(agencyId, filedOn.getYear());
        String caseNo = agency.caseNoPrefix() + "罚〔" + filedOn.getYear() + "〕" + number + "号";
        var p = r.party();
        var enforcementCase = new EnforcementCase(UUID.randomUUID(), agencyId, caseNo, CaseLifecycle.INITIAL,
                r.cause().strip(),
                new EnforcementCase.Party(p.type(), p.name().strip(), p.idNumber(), p.legalRepresentative(), p.phone(),
                        p.address(), p.email()),
                r.facts().strip(),
                r.evidence().stream().map(e -> new EnforcementCase.Evidence(e.kind(), e.description())).toList(),
                r.legalBasis().strip(), r.penaltyBasis() == null ? r.legalBasis().strip() : r.penaltyBasis().strip(),
                r.proposedDecision().penalties().stream()
                        .map(x -> new EnforcementCase.Penalty(x.kind(), x.amount(), x.detail())).toList(),
                officers, Boolean.TRUE.equals(r.majorPublicInterest()), Boolean.TRUE.equals(r.complexCase()),
                Boolean.TRUE.equals(r.socialImpact()), Boolean.TRUE.equals(r.thirdPartyMajorInterest()), filedOn, user.id(), ChinaTime.nowOffset());
        cases.insert(enforcementCase);
        events.record(enforcementCase.id(), user.id(), "立案登记", "登记案件 " + caseNo,
                "当事人：" + p.name() + "；拟处罚：" + enforcementCase.penaltySummary());
        flows.start(CaseFlows.CASE_FILING, enforcementCase, java.util.Map.of());
        return enforcementCase;
    }

    /** The case if it exists and the user may see its agency; otherwise 404 (never reveals other agencies' cases). */
    public EnforcementCase getVisible(UUID id, LawFlowUser user) {
        return cases.findById(id).filter(c -> user.canSee(c.agencyId()))
                .orElseThrow(() -> new NotFoundException("案件不存在：" + id));
    }

    /**
     * 立案 first (《交通运输行政执法程序规定》第六十三条): the procedure {@code processKey} may start only on a case
     * whose 立案登记 the head approved. The one rule for every start path: /api asks it up front, {@link CaseFilingGate}
     * inside the engine at the start of each instance.
     *
     * @throws ConflictException with the Chinese reason (409 in /api)
     */
    public void requireFiled(EnforcementCase c, String processKey) {
        String procedure = CaseFilingGate.FILING_REQUIRED.getOrDefault(processKey, processKey);
        if (c.status() == CaseStatus.NOT_FILED) {
            throw new ConflictException("负责人已决定不予立案，本案已终结，不能启动" + procedure + "程序");
        }
        // the open approval catches cases that moved on before this rule existed (a review started before 立案)
        if (!c.status().isFiled() || flows.isRunning(CaseFlows.CASE_FILING, c)) {
            throw new ConflictException("本案立案尚未经执法部门负责人批准，不能启动" + procedure
                    + "程序；请先完成“审批立案”（《交通运输行政执法程序规定》第六十三条）");
        }
    }

    /** A page of the cases of the user's agencies, newest first, with the number of all of them. */
    public record CasePage(List<EnforcementCase> items, int page, int size, long total) {
    }

    public static final int MAX_PAGE_SIZE = 500;

    /** Page {@code page} (from 0) of {@code size} cases of the user's agencies. */
    public CasePage pageVisible(LawFlowUser user, int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "页码从0开始，不能为负数");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "每页条数须在1到" + MAX_PAGE_SIZE + "之间");
        }
        return new CasePage(cases.findByAgencies(user.agencies(), (long) page * size, size), page, size,
                cases.countByAgencies(user.agencies()));
    }

    /** Every case id of the user's agencies, fetched in chunks of {@code chunk} (checks that cover all cases). */
    public void forEachVisibleCaseId(LawFlowUser user, int chunk, Consumer<UUID> action) {
        UUID last = null;
        List<UUID> ids;
        do {
            ids = cases.idsByAgenciesAfter(user.agencies(), last, chunk);
            ids.forEach(action);
            last = ids.isEmpty() ? null : ids.get(ids.size() - 1);
        } while (ids.size() == chunk);
    }

    private static void validateParty(CaseRegistration.PartyInput party) {
        String problem = party.type() == EnforcementCase.PartyType.CITIZEN
                ? PartyIdentifiers.citizenIdProblem(party.idNumber())
                : PartyIdentifiers.creditCodeProblem(party.idNumber());
        if (problem != null) {
            throw new InvalidInputException("party.idNumber", problem);
        }
        if (party.type() == EnforcementCase.PartyType.ORGANIZATION
                && (party.legalRepresentative() == null || party.legalRepresentative().isBlank())) {
            throw new InvalidInputException("party.legalRepresentative", "法人或其他组织须填写法定代表人（负责人）");
        }
    }

    private static void validatePenalties(List<CaseRegistration.PenaltyInput> penalties) {
        var kinds = new LinkedHashSet<PenaltyKind>();
        for (int i = 0; i < penalties.size(); i++) {
            var penalty = penalties.get(i);
            String field = "proposedDecision.penalties[" + i + "]";
            if (!kinds.add(penalty.kind())) {
                throw new InvalidInputException(field + ".kind", "处罚种类重复：" + penalty.kind().label());
            }
            if (penalty.kind().needsAmount() && penalty.amount() == null) {
                throw new InvalidInputException(field + ".amount", penalty.kind().label() + "须填写金额");
            }
            if (!penalty.kind().needsAmount() && penalty.amount() != null) {
                throw new InvalidInputException(field + ".amount", penalty.kind().label() + "不应填写金额");
            }
            if (penalty.amount() != null && penalty.amount().scale() > 2) {
                throw new InvalidInputException(field + ".amount", "金额最多保留两位小数");
            }
        }
    }

    /** The registering officer is always on the team; every member must be an officer of the same agency. */
    private List<String> validateOfficers(List<String> requested, LawFlowUser user, String agencyId) {
        var officers = new LinkedHashSet<String>();
        officers.add(user.id());
        if (requested != null) {
            officers.addAll(requested);
        }
        int i = 0;
        for (String officer : officers) {
            boolean valid = identityService.createUserQuery().userId(officer).memberOfGroup(Groups.OFFICER)
                    .memberOfTenant(agencyId).count() == 1;
            if (!valid) {
                throw new InvalidInputException("officers[" + i + "]", "“" + officer + "”不是本机构的执法人员");
            }
            i++;
        }
        if (officers.size() < StatutoryCount.MIN_OFFICERS.value()) {
            throw new InvalidInputException("officers", StatutoryCount.MIN_OFFICERS.text());
        }
        return List.copyOf(officers);
    }
}
