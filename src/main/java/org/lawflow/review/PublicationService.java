package org.lawflow.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;

import org.lawflow.system.ChinaTime;
import org.lawflow.agency.AgencyRepository;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.casefile.PartyIdentifiers;
import org.lawflow.system.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes decisions with personal data masked, corrects and withdraws them when a decision changes. */
@Service
class PublicationService {

    private static final ZoneId CHINA = ChinaTime.ZONE;
    private final PublicationRepository publications;
    private final AgencyRepository agencies;
    private final CaseEvents events;

    PublicationService(PublicationRepository publications, AgencyRepository agencies, CaseEvents events) {
        this.publications = publications;
        this.agencies = agencies;
        this.events = events;
    }

    /** The 执法结论 exactly as {@link #publish} will store it: generated text and note, personal data masked. */
    String conclusion(EnforcementCase c, String decidedPenalty, String note) {
        return PersonalDataMasker.forParty(c.party()).mask(PublicationText.of(c, decidedPenalty, note));
    }

    /** The officer's note as it will be published. */
    String maskedNote(EnforcementCase c, String note) {
        return PersonalDataMasker.forParty(c.party()).mask(note);
    }

    /** Masks here, where the public entry is stored, so that no way of completing the task can publish raw text. */
    @Transactional
    Publication publish(EnforcementCase c, String decidedPenalty, String note, LocalDate decidedOn, Date due,
            String actor) {
        var party = c.party();
        boolean citizen = party.type() == EnforcementCase.PartyType.CITIZEN;
        // Natural persons: name and identity number masked (个人信息保护); organisations are published in full.
        String name = citizen ? PersonalDataMasker.maskName(party.name()) : party.name();
        String id = citizen ? PartyIdentifiers.mask(party.idNumber()) : party.idNumber();
        String conclusion = conclusion(c, decidedPenalty, note);
        var publication = new Publication(UUID.randomUUID(), c.id(), c.agencyId(), agencies.get(c.agencyId()).name(),
                c.caseNo(), name, id, "行政处罚", conclusion, decidedOn, ChinaTime.nowOffset(),
                due == null ? null : due.toInstant().atZone(CHINA).toLocalDate(), null, null, null, null);
        Publication stored = publications.insertIfAbsent(publication, actor);
        events.record(c.id(), actor, "公示", "执法决定已公示", stored.conclusion());
        return stored;
    }

    @Transactional
    Publication withdraw(EnforcementCase c, String reason, LocalDate withdrawalDue, String actor) {
        Publication p = publications.findByCase(c.id())
                .orElseThrow(() -> new ConflictException("本案决定尚未公示，无需撤回"));
        if (p.withdrawn()) {
            throw new ConflictException("本案公示已于 " + p.withdrawnAt().toLocalDate() + " 撤回");
        }
        // the reason is stated to the public as well (行政处罚法第四十八条)
        publications.withdraw(c.id(), ChinaTime.nowOffset(), maskedNote(c, reason), withdrawalDue);
        events.record(c.id(), actor, "公示", "撤回公示", reason);
        return publications.findByCase(c.id()).orElseThrow();
    }

    /** 更正: replaces the published 执法结论 (already masked by the caller) and records why. */
    @Transactional
    Publication correct(EnforcementCase c, String maskedConclusion, String reason, String actor) {
        Publication p = publications.findByCase(c.id())
                .orElseThrow(() -> new ConflictException("本案决定尚未公示，无法更正"));
        if (p.withdrawn() || !publications.correct(c.id(), maskedConclusion, ChinaTime.nowOffset())) {
            throw new ConflictException("本案公示已撤回，不能更正");
        }
        events.record(c.id(), actor, "公示", "更正公示内容", "更正理由：" + reason + "；更正后的执法结论：" + maskedConclusion);
        return publications.findByCase(c.id()).orElseThrow();
    }
}
