package org.lawflow.casefile;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.lawflow.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/cases}: register a case file and read it with its flows, tasks, deadlines and documents. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseFileService caseFileService;
    private final CaseFlows flows;
    private final CaseEvents events;
    private final CurrentUser currentUser;
    private final List<CaseDetailsContributor> contributors;

    CaseController(CaseFileService caseFileService, CaseFlows flows, CaseEvents events, CurrentUser currentUser,
            List<CaseDetailsContributor> contributors) {
        this.caseFileService = caseFileService;
        this.flows = flows;
        this.events = events;
        this.currentUser = currentUser;
        this.contributors = contributors;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> register(@Valid @RequestBody CaseRegistration registration) {
        EnforcementCase registered = caseFileService.register(registration, currentUser.get());
        return ResponseEntity.created(URI.create("/api/cases/" + registered.id()))
                .body(Map.of("id", registered.id(), "caseNo", registered.caseNo()));
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return caseFileService.listVisible(currentUser.get()).stream().map(c -> Map.<String, Object>of(
                "id", c.id(), "caseNo", c.caseNo(), "cause", c.cause(), "status", c.status(),
                "statusLabel", c.status().label(), "partyName", c.party().name())).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable UUID id) {
        var user = currentUser.get();
        EnforcementCase c = caseFileService.getVisible(id, user);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("case", c);
        body.put("statusLabel", c.status().label());
        body.put("flows", flows.flows(c, user));
        body.put("tasks", flows.openTasks(c, user));
        for (CaseDetailsContributor contributor : contributors) {
            body.put(contributor.section(), contributor.contribute(c));
        }
        body.put("events", events.of(c.id(), user));
        return body;
    }

    /** Checks the case's hash-chained full-process record: intact, or where it was changed or cut. */
    @GetMapping("/{id}/record-verification")
    CaseEvents.Verification verifyRecord(@PathVariable UUID id) {
        return events.verify(caseFileService.getVisible(id, currentUser.get()).id());
    }

    /** The same check for every case the user may see (an agency's supervisor: the whole agency). */
    @GetMapping("/record-verification")
    Map<String, Object> verifyAllRecords() {
        var results = caseFileService.listVisible(currentUser.get()).stream().map(c -> events.verify(c.id())).toList();
        var broken = results.stream().filter(v -> !v.intact()).toList();
        return Map.of("casesChecked", results.size(), "intact", broken.isEmpty(), "broken", broken);
    }
}
