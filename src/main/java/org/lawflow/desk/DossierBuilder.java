package org.lawflow.desk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.lawflow.agency.AgencyRepository;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.casefile.PenaltyHistory;
import org.lawflow.casefile.PenaltyRevision;
import org.lawflow.casefile.ReviewGround;
import org.lawflow.desk.Dossier.Link;
import org.lawflow.desk.Dossier.Row;
import org.lawflow.desk.Dossier.Section;
import org.lawflow.documents.Documents;
import org.lawflow.identity.Groups;
import org.lawflow.identity.LawFlowUser;
import org.lawflow.identity.UserNames;
import org.lawflow.review.PersonalDataMasker;
import org.lawflow.system.ChinaTimeFormat;
import org.lawflow.system.CodeLabels;
import org.springframework.stereotype.Component;

/**
 * Builds a case's {@link Dossier} for one viewer. Everything is already readable: codes as Chinese labels, dates and
 * times in China time, people by name, the agency by name (never its tenant id).
 * <p>
 * The party's personal data (name of a natural person, identity number, phone, address; also in the facts) is masked
 * for viewers whose work does not need it: the supervisor (监督管理 watches procedure and deadlines) and anyone
 * without a case role. Officers (they investigate and serve the documents), legal reviewers (法制审核 checks the
 * 执法对象 and the facts), hearing hosts (they identify the party at the hearing) and heads (they sign the decision)
 * see it in full, as they do through /api (个人信息保护法第六条: no more than the purpose needs).
 */
@Component
class DossierBuilder {

    /** The steps whose conclusions a decider reads, by their task names (in procedural order). */
    static final List<String> OPINION_STEPS = List.of("补充调查并重新提交", "记录陈述申辩并复核", "举行听证并制作笔录",
            "撰写听证报告", "法制审核", "集体讨论", "负责人决定", "审批延长办案期限", "正职负责人审批移送", "负责人审批线索移送");
    /**
     * The hearing's own records (step 听证) whose content a decider reads, by how their action begins: the party's
     * request or waiver (when and how it was made) and the record of the hearing itself.
     */
    private static final String HEARING_STEP = "听证";
    private static final List<String> HEARING_RECORDS = List.of("收到听证申请", "登记听证申请", "当事人明确放弃听证",
            "听证到场情况", "听证笔录");
    static final Set<String> FULL_PARTY_DATA = Set.of(Groups.OFFICER, Groups.LEGAL_REVIEWER, Groups.HEARING_HOST,
            Groups.AGENCY_HEAD);
    private static final String HEARING_OUTCOME = "hearingOutcome";

    private final AgencyRepository agencies;
    private final CaseFlows flows;
    private final CaseEvents events;
    private final PenaltyHistory history;
    private final Documents documents;
    private final UserNames names;
    private final HistoryService historyService;

    DossierBuilder(AgencyRepository agencies, CaseFlows flows, CaseEvents events, PenaltyHistory history,
            Documents documents, UserNames names, HistoryService historyService) {
        this.agencies = agencies;
        this.flows = flows;
        this.events = events;
        this.history = history;
        this.documents = documents;
        this.names = names;
        this.historyService = historyService;
    }

    static boolean masksFor(LawFlowUser viewer) {
        return viewer.groups().stream().noneMatch(FULL_PARTY_DATA::contains);
    }

    /** The dossier; {@code taskId} (may be null) is carried into the page's address. */
    Dossier build(EnforcementCase c, LawFlowUser viewer, String taskId) {
        boolean masked = masksFor(viewer);
        PersonalDataMasker masker = PersonalDataMasker.forParty(c.party());
        List<Section> sections = new ArrayList<>();
        sections.add(overview(c));
        sections.add(party(c.party(), masked));
        sections.add(new Section("违法事实", List.of(new Row("违法事实", masked ? masker.mask(c.facts()) : c.facts()))));
        sections.add(evidence(c, masked ? masker : null));
        sections.add(basis(c));
        sections.add(penaltyHistory(c));
        sections.add(opinions(c, viewer));
        sections.add(openTasks(c, viewer));
        sections.add(documents(c, viewer));
        String url = "/desk/cases/" + URLEncoder.encode(c.caseNo(), StandardCharsets.UTF_8).replace("+", "%20")
                + (taskId == null ? "" : "?task=" + URLEncoder.encode(taskId, StandardCharsets.UTF_8));
        return new Dossier(c.caseNo(), "案卷：" + c.caseNo(), url, masked, List.copyOf(sections));
    }

    private Section overview(EnforcementCase c) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("案号", c.caseNo()));
        rows.add(new Row("案由", c.cause()));
        rows.add(new Row("执法机构", agencies.findById(c.agencyId()).map(a -> a.name()).orElse("—")));
        rows.add(new Row("立案日期", ChinaTimeFormat.date(c.filedOn())));
        rows.add(new Row("案件状态", c.status().label()));
        rows.add(new Row("办案人员", names.list(c.officers())));
        List<String> grounds = java.util.Arrays.stream(ReviewGround.values()).filter(g -> g.holdsFor(c))
                .map(ReviewGround::label).toList();
        rows.add(new Row("重大执法决定情形", grounds.isEmpty() ? "—" : String.join("；", grounds)));
        return new Section("案件概况", rows);
    }

    /** The party's name as a viewer sees it: a natural person's masked where {@code masked}, an organisation's never. */
    static String partyName(EnforcementCase.Party p, boolean masked) {
        return masked && p.type() == EnforcementCase.PartyType.CITIZEN ? PersonalDataMasker.maskName(p.name()) : p.name();
    }

    private static Section party(EnforcementCase.Party p, boolean masked) {
        boolean citizen = p.type() == EnforcementCase.PartyType.CITIZEN;
        boolean hide = masked && citizen;
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("当事人", partyName(p, masked)));
        rows.add(new Row("类型", citizen ? "公民" : "法人或者其他组织"));
        rows.add(new Row(citizen ? "公民身份号码" : "统一社会信用代码",
                hide ? org.lawflow.casefile.PartyIdentifiers.mask(p.idNumber()) : p.idNumber()));
        if (!citizen) {
            rows.add(new Row("法定代表人（负责人）", value(p.legalRepresentative())));
        }
        rows.add(new Row("联系电话", p.phone() == null ? "—" : masked ? PersonalDataMasker.maskPhone(p.phone()) : p.phone()));
        rows.add(new Row("住址", p.address() == null ? "—" : hide ? PersonalDataMasker.maskAddress(p.address()) : p.address()));
        return new Section(masked ? "当事人（个人信息已脱敏）" : "当事人", rows);
    }

    private static Section evidence(EnforcementCase c, PersonalDataMasker masker) {
        List<Row> rows = new ArrayList<>();
        int i = 1;
        for (var e : c.evidence()) {
            String description = masker == null ? e.description() : masker.mask(e.description());
            rows.add(new Row("证据" + i++ + "（" + e.kind() + "）", description));
        }
        return new Section("证据清单", rows);
    }

    private Section basis(EnforcementCase c) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("违法依据", c.legalBasis()));
        rows.add(new Row("处罚依据", c.penaltyBasis()));
        rows.add(new Row("告知的拟处罚", c.penaltySummary()));
        rows.add(new Row("当前拟处罚", history.currentProposalText(c)));
        history.decided(c.id()).ifPresent(d -> rows.add(new Row("决定的处罚", d.text())));
        return new Section("法律依据和处罚", rows);
    }

    private Section penaltyHistory(EnforcementCase c) {
        List<Row> rows = new ArrayList<>();
        for (PenaltyRevision r : history.of(c.id())) {
            String value = r.text() + "——" + names.of(r.actor()) + "，" + ChinaTimeFormat.dateTime(r.at())
                    + (r.reason() == null || r.reason().isBlank() ? "" : "；理由：" + r.reason().strip());
            rows.add(new Row(r.stage().label(), value));
        }
        return new Section("处罚经过（拟处罚、复核、听证、法制审核、负责人决定）", rows);
    }

    private Section opinions(EnforcementCase c, LawFlowUser viewer) {
        List<Row> rows = new ArrayList<>();
        var caseEvents = events.of(c.id(), viewer);
        // the review learns the hearing's outcome only after the report; a hearing already recorded is said so
        boolean heard = caseEvents.stream().anyMatch(e -> HEARING_STEP.equals(e.step()) && "听证笔录".equals(e.action()));
        hearingOutcome(c).map(outcome -> heard && outcome.startsWith("未") ? "已举行听证（听证报告待作出）" : outcome)
                .ifPresent(outcome -> rows.add(new Row("听证情况", outcome)));
        for (CaseEvents.CaseEvent e : caseEvents) {
            if (HEARING_STEP.equals(e.step()) && HEARING_RECORDS.stream().anyMatch(e.action()::startsWith)) {
                rows.add(new Row(e.action() + "（" + names.of(e.actor()) + "，" + ChinaTimeFormat.dateTime(e.at()) + "）",
                        e.detail()));
            } else if (OPINION_STEPS.contains(e.step())) {
                rows.add(new Row(e.step() + "（" + names.of(e.actor()) + "，" + ChinaTimeFormat.dateTime(e.at()) + "）",
                        e.detail() == null || e.detail().isBlank() ? "已办理" : e.detail()));
            }
        }
        return new Section("各环节意见（陈述申辩复核、听证、法制审核、决定）", rows);
    }

    /** The newest hearing outcome of the case's flows, in words (已举行听证, 放弃听证, 未举行听证 ...). */
    private java.util.Optional<String> hearingOutcome(EnforcementCase c) {
        String[] instances = flows.flows(c).stream().map(CaseFlows.Flow::processInstanceId).toArray(String[]::new);
        if (instances.length == 0) {
            return java.util.Optional.empty();
        }
        List<HistoricVariableInstance> values = historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances).variableName(HEARING_OUTCOME).list();
        return values.stream().filter(v -> v.getValue() != null)
                .max(java.util.Comparator.comparing(HistoricVariableInstance::getCreateTime))
                .map(v -> CodeLabels.of(String.valueOf(v.getValue())));
    }

    private Section openTasks(EnforcementCase c, LawFlowUser viewer) {
        List<Row> rows = new ArrayList<>();
        for (CaseFlows.OpenTask t : flows.openTasks(c, viewer)) {
            String due = t.due() == null ? "" : "；期限：" + ChinaTimeFormat.dateTime(t.due()) + (t.overdue() ? "（已逾期）" : "");
            rows.add(new Row(t.name(), "办理人：" + t.holder() + "；创建：" + ChinaTimeFormat.dateTime(t.created()) + due));
        }
        return new Section("待办任务", rows);
    }

    private Section documents(EnforcementCase c, LawFlowUser viewer) {
        List<Link> links = documents.forCase(c.id()).stream()
                .filter(d -> viewer.maySeeClues() || !d.kind().restricted())
                .map(d -> new Link(d.title() + (d.docNo() == null ? "" : "（" + d.docNo() + "）") + "，"
                        + ChinaTimeFormat.dateTime(d.createdAt()), "/desk/documents/" + d.id()))
                .toList();
        return new Section("文书（PDF，在浏览器中打开）", List.of(), links);
    }

    private static String value(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
