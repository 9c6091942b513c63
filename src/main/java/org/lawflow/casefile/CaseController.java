package org.lawflow.casefile;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.lawflow.identity.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    /**
     * The cases of the user's agencies, newest first. With {@code page} (from 0) and/or {@code size} (1–500, default
     * 50): {@code {items, page, size, total, totalPages}}. Without either, the original shape for older clients: a
     * plain array, the newest {@value #UNPAGED_SIZE}, with the number of all cases in {@code X-Total-Count} and a
     * {@code Link: <…?page=1&size=200>; rel="next"} when there are more.
     */
    @GetMapping
    ResponseEntity<?> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        if (page == null && size == null) {
            var first = caseFileService.pageVisible(currentUser.get(), 0, UNPAGED_SIZE);
            var answer = ResponseEntity.ok().header("X-Total-Count", String.valueOf(first.total()));
            if (first.total() > UNPAGED_SIZE) {
                answer.header(HttpHeaders.LINK, "</api/cases?page=1&size=" + UNPAGED_SIZE + ">; rel=\"next\"");
            }
            return answer.body(summaries(first));
        }
        var result = caseFileService.pageVisible(currentUser.get(), page == null ? 0 : page,
                size == null ? DEFAULT_PAGE_SIZE : size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", summaries(result));
        body.put("page", result.page());
        body.put("size", result.size());
        body.put("total", result.total());
        body.put("totalPages", (result.total() + result.size() - 1) / result.size());
        return ResponseEntity.ok(body);
    }

    static final int UNPAGED_SIZE = 200;
    static final int DEFAULT_PAGE_SIZE = 50;

    private static List<Map<String, Object>> summaries(CaseFileService.CasePage page) {
        return page.items().stream().map(c -> Map.<String, Object>of(
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
        body.put("reviewGrounds", reviewGrounds(c));
        body.put("flows", flows.flows(c, user));
        body.put("tasks", flows.openTasks(c, user));
        for (CaseDetailsContributor contributor : contributors) {
            body.put(contributor.section(), contributor.contribute(c));
        }
        body.put("events", events.of(c.id(), user));
        return body;
    }

    /**
     * What the registration says about the grounds of legal review (行政处罚法第五十八条, 国办发〔2018〕118号), each with
     * its Chinese label: the case view shows them beside the case's own fields.
     */
    static List<Map<String, Object>> reviewGrounds(EnforcementCase c) {
        return java.util.Arrays.stream(ReviewGround.values()).map(g -> {
            Map<String, Object> ground = new LinkedHashMap<>();
            ground.put("field", g.field());
            ground.put("label", g.label());
            ground.put("value", g.holdsFor(c));
            ground.put("valueLabel", g.holdsFor(c) ? "是" : "否");
            return ground;
        }).toList();
    }

    /** Checks the case's hash-chained full-process record: intact, or where it was changed or cut. */
    @GetMapping("/{id}/record-verification")
    CaseEvents.Verification verifyRecord(@PathVariable UUID id) {
        return events.verify(caseFileService.getVisible(id, currentUser.get()).id());
    }

    /**
     * The same check for every case the user may see (an agency's supervisor: the whole agency), all of them, read in
     * chunks of 200; {@code casesChecked} says how many.
     */
    @GetMapping("/record-verification")
    Map<String, Object> verifyAllRecords() {
        long[] checked = {0};
        List<CaseEvents.Verification> broken = new ArrayList<>();
        caseFileService.forEachVisibleCaseId(currentUser.get(), UNPAGED_SIZE, id -> {
            checked[0]++;
            var verification = events.verify(id);
            if (!verification.intact()) {
                broken.add(verification);
            }
        });
        return Map.of("casesChecked", checked[0], "intact", broken.isEmpty(), "broken", broken);
    }
}
