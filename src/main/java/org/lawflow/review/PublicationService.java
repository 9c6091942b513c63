package org.lawflow.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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

/** Publishes decisions with personal data masked, and withdraws them when a decision changes. */
@Service
class PublicationService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final PublicationRepository publications;
    private final AgencyRepository agencies;
    private final CaseEvents events;

    PublicationService(PublicationRepository publications, AgencyRepository agencies, CaseEvents events) {
        this.publications = publications;
        this.agencies = agencies;
        this.events = events;
    }

    @Transactional
    Publication publish(EnforcementCase c, String conclusion, LocalDate decidedOn, Date due, String actor) {
        var party = c.party();
        boolean citizen = party.type() == EnforcementCase.PartyType.CITIZEN;
        // Natural persons: name and identity number masked (个人信息保护); organisations are published in full.
        String name = citizen ? maskName(party.name()) : party.name();
        String id = citizen ? PartyIdentifiers.mask(party.idNumber()) : party.idNumber();
        var publication = new Publication(UUID.randomUUID(), c.id(), c.agencyId(), agencies.get(c.agencyId()).name(),
                c.caseNo(), name, id, "行政处罚", conclusion, decidedOn, ChinaTime.nowOffset(),
                due == null ? null : due.toInstant().atZone(CHINA).toLocalDate(), null, null, null);
        Publication stored = publications.insertIfAbsent(publication, actor);
        events.record(c.id(), actor, "公示", "执法决定已公示", conclusion);
        return stored;
    }

    @Transactional
    Publication withdraw(EnforcementCase c, String reason, LocalDate withdrawalDue, String actor) {
        Publication p = publications.findByCase(c.id())
                .orElseThrow(() -> new ConflictException("本案决定尚未公示，无需撤回"));
        if (p.withdrawn()) {
            throw new ConflictException("本案公示已于 " + p.withdrawnAt().toLocalDate() + " 撤回");
        }
        publications.withdraw(c.id(), ChinaTime.nowOffset(), reason, withdrawalDue);
        events.record(c.id(), actor, "公示", "撤回公示", reason);
        return publications.findByCase(c.id()).orElseThrow();
    }

    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "*";
        }
        return name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }
}
