package org.lawflow.documents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.lawflow.system.ChinaTime;
import org.lawflow.agency.Agency;
import org.lawflow.agency.AgencyRepository;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.Cases;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.casefile.PenaltyHistory;
import org.lawflow.casefile.PenaltyRevision;
import org.lawflow.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents module's Java API: generate and look up documents and packages of a case. Generation is
 * idempotent per step: the same (case, kind, process instance, step) returns the stored document, the same
 * (case, package kind, process instance) the stored package. No access checks here (callers are delegates and
 * {@link DocumentAccess}).
 */
@Service
public class Documents {

    private final DocumentStore store;
    private final Cases cases;
    private final AgencyRepository agencies;
    private final CaseEvents events;
    private final org.camunda.bpm.engine.IdentityService identities;
    private final PenaltyHistory penalties;
    private final RemedyBodies remedies;
    private final DocumentRendering rendering = new DocumentRendering();

    Documents(DocumentStore store, Cases cases, AgencyRepository agencies, CaseEvents events,
            org.camunda.bpm.engine.IdentityService identities, PenaltyHistory penalties, RemedyBodies remedies) {
        this.penalties = penalties;
        this.remedies = remedies;
        this.store = store;
        this.cases = cases;
        this.agencies = agencies;
        this.events = events;
        this.identities = identities;
    }

    /** The officers' names for the documents (执法人员：张伟、李强), not their login ids. */
    private String officerNames(List<String> officerIds) {
        return officerIds.stream().map(this::userName).collect(java.util.stream.Collectors.joining("、"));
    }

    private String userName(String id) {
        var user = identities.createUserQuery().userId(id).singleResult();
        String name = user == null ? null
                : ((user.getLastName() == null ? "" : user.getLastName())
                        + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
        return name == null || name.isEmpty() ? id : name;
    }

    /**
     * The penalty as the documents state it, from the case's penalty history and never from a variable: the decided
     * penalty (决定书, 备案), the current proposal (集体讨论), the proposal the legal review saw and its own suggestion.
     * A decided penalty that is missing stays missing ("—"), it is not replaced by the proposal. The 听证报告 states the
     * proposal the hearing examined and the report's recommendation (none recorded: the proposal is kept).
     */
    private void putPenalties(EnforcementCase c, Map<String, Object> model) {
        for (String key : List.of("decidedPenalty", "decidedFine", "currentPenalty", "reviewedProposal",
                "reviewedPenalty", "heardProposal", "hearingRecommendation")) {
            model.remove(key);
        }
        String heard = penalties.newest(c.id(), PenaltyRevision.Stage.PROPOSED, PenaltyRevision.Stage.RECHECK)
                .map(PenaltyRevision::text).orElseGet(c::penaltySummary);
        model.put("heardProposal", heard);
        model.put("hearingRecommendation", penalties.newest(c.id(), PenaltyRevision.Stage.HEARING_RECOMMENDATION,
                PenaltyRevision.Stage.HEARING_RECOMMENDATION).map(PenaltyRevision::text)
                .orElse("维持拟处罚决定（" + heard + "）"));
        penalties.decided(c.id()).ifPresent(d -> model.put("decidedPenalty", d.text()));
        // the fine alone (催告书, 结案报告), also from the history
        penalties.decided(c.id()).filter(d -> d.amount() != null)
                .ifPresent(d -> model.put("decidedFine", d.amount().stripTrailingZeros().toPlainString()));
        model.put("currentPenalty", penalties.currentProposalText(c));
        model.put("reviewedProposal", penalties.newest(c.id(), PenaltyRevision.Stage.PROPOSED,
                PenaltyRevision.Stage.HEARING_RECOMMENDATION).map(PenaltyRevision::text).orElseGet(c::penaltySummary));
        penalties.newest(c.id(), PenaltyRevision.Stage.LEGAL_REVIEW, PenaltyRevision.Stage.LEGAL_REVIEW)
                .ifPresent(r -> model.put("reviewedPenalty", r.text()));
    }

    /** Renders and stores the document unless this step already produced it. */
    @Transactional
    public DocumentInfo generate(UUID caseId, DocumentKind kind, Map<String, Object> vars, String processInstanceId,
            String step) {
        String instance = processInstanceId == null ? "" : processInstanceId;
        var existing = store.findByStep(caseId, kind, instance, step);
        if (existing.isPresent()) {
            return existing.get();
        }
        EnforcementCase c = caseOf(caseId);
        Agency agency = agencies.get(c.agencyId());
        Map<String, Object> model = new java.util.HashMap<>(vars == null ? Map.of() : vars);
        // from the case file, never from a variable: a forged officerNames printed people who are not officers (#27)
        model.put("officerNames", officerNames(c.officers()));
        putPenalties(c, model);
        Object reviewer = model.get("legalReviewer");
        model.put("legalReviewerName", reviewer == null ? null : userName(String.valueOf(reviewer)));
        var remedy = remedies.of(c.agencyId());
        model.put("reconsiderationBody", remedy.reconsiderationBody());
        model.put("remedyCourt", remedy.court());
        var rendered = rendering.render(kind, c, agency, model, ChinaTime.today());
        var info = new DocumentInfo(UUID.randomUUID(), caseId, c.agencyId(), kind, rendered.title(), rendered.docNo(),
                rendered.fileName(), rendered.sha256(), rendered.contentSha256(), rendered.pdf().length, instance, step,
                ChinaTime.nowOffset());
        store.insert(info, rendered.pdf());
        events.record(caseId, "system", "文书", "生成" + kind.title() + " " + rendered.docNo(),
                "文件 SHA-256 " + rendered.sha256() + "；内容 SHA-256 " + rendered.contentSha256(), kind.restricted());
        return info;
    }

    /** Zips the latest document of each kind (in the given order) with manifest.json, once per process instance. */
    @Transactional
    public PackageInfo buildPackage(UUID caseId, PackageKind kind, List<DocumentKind> documentKinds,
            String processInstanceId, String step) {
        String instance = processInstanceId == null ? "" : processInstanceId;
        var existing = store.findPackage(caseId, kind, instance);
        if (existing.isPresent()) {
            return existing.get();
        }
        EnforcementCase c = caseOf(caseId);
        Agency agency = agencies.get(c.agencyId());
        List<PackageZip.Entry> entries = new ArrayList<>();
        for (DocumentKind documentKind : documentKinds) {
            DocumentInfo doc = store.latest(caseId, documentKind).orElseThrow(() -> new IllegalStateException(
                    "案件 " + c.caseNo() + " 尚未生成" + documentKind.title() + "，无法组成" + kind.title()));
            entries.add(new PackageZip.Entry(documentKind, doc.fileName(), store.documentContent(doc.id()), doc.sha256()));
        }
        OffsetDateTime now = ChinaTime.nowOffset();
        var built = PackageZip.build(caseId.toString(), c.caseNo(), agency.name(), kind, now, entries);
        var info = new PackageInfo(UUID.randomUUID(), caseId, c.agencyId(), kind,
                kind.title() + "-" + c.caseNo() + ".zip", built.sha256(), built.zip().length, instance, step, now);
        store.insert(info, built.manifest(), built.zip());
        events.record(caseId, "system", "文书", "生成" + kind.title() + "（" + entries.size() + "份文书）",
                "ZIP SHA-256 " + built.sha256(), kind.restricted());
        return info;
    }

    public List<DocumentInfo> forCase(UUID caseId) {
        return store.documentsOfCase(caseId);
    }

    public Optional<DocumentInfo> latest(UUID caseId, DocumentKind kind) {
        return store.latest(caseId, kind);
    }

    public Optional<DocumentInfo> document(UUID documentId) {
        return store.findDocument(documentId);
    }

    /** The PDF bytes of a document. */
    public byte[] content(UUID documentId) {
        return store.documentContent(documentId);
    }

    public List<PackageInfo> packagesForCase(UUID caseId) {
        return store.packagesOfCase(caseId);
    }

    /** The package of this kind built in this process instance. */
    public Optional<PackageInfo> packageFor(UUID caseId, PackageKind kind, String processInstanceId) {
        return store.findPackage(caseId, kind, processInstanceId == null ? "" : processInstanceId);
    }

    public Optional<PackageInfo> latestPackage(UUID caseId, PackageKind kind) {
        return store.latestPackage(caseId, kind);
    }

    public Optional<PackageInfo> packageInfo(UUID packageId) {
        return store.findPackage(packageId);
    }

    /** The ZIP bytes of a package. */
    public byte[] packageContent(UUID packageId) {
        return store.packageContent(packageId);
    }

    public String manifest(UUID packageId) {
        return store.manifest(packageId);
    }

    private EnforcementCase caseOf(UUID caseId) {
        return cases.findById(caseId).orElseThrow(() -> new NotFoundException("案件不存在：" + caseId));
    }
}
