package org.lawflow.evaluation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.lawflow.identity.CurrentUser;
import org.lawflow.identity.Groups;
import org.lawflow.identity.LawFlowUser;
import org.lawflow.system.InvalidInputException;
import org.lawflow.system.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/evaluations {year, sampleSize?}} starts the agency's 案卷评查 (supervisors); {@code GET
 * /api/evaluations/{id}} shows it: everything to the agency's supervisors and heads, to an officer only the results of
 * the officer's own cases, to anyone else nothing (404); {@code GET /api/evaluations/{id}/bulletin} the PDF.
 */
@RestController
class EvaluationController {

    private final RuntimeService runtime;
    private final CaseEvaluations evaluations;
    private final CurrentUser currentUser;

    EvaluationController(RuntimeService runtime, CaseEvaluations evaluations, CurrentUser currentUser) {
        this.runtime = runtime;
        this.evaluations = evaluations;
        this.currentUser = currentUser;
    }

    @PostMapping("/api/evaluations")
    ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) Map<String, Object> body) {
        LawFlowUser user = currentUser.get();
        if (!user.isIn(Groups.SUPERVISOR)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有监督管理人员可以发起案卷评查");
        }
        Map<String, Object> input = body == null ? Map.of() : body;
        Map<String, Object> variables = new HashMap<>();
        variables.put(EvaluationVariables.AGENCY_ID, user.homeAgency());
        // checked here for a clear 400 before the engine starts; the start listener checks again for Tasklist starts
        variables.put(EvaluationVariables.YEAR, EvaluationSteps.year(input.get("year")));
        if (input.get("sampleSize") != null) {
            variables.put(EvaluationVariables.SAMPLE_SIZE, input.get("sampleSize"));
        }
        if (evaluations.running(user.homeAgency(), (Integer) variables.get(EvaluationVariables.YEAR))) {
            throw CaseEvaluations.alreadyRunning((Integer) variables.get(EvaluationVariables.YEAR));
        }
        var instance = runtime.createProcessInstanceByKey(EvaluationVariables.PROCESS_KEY).setVariables(variables)
                .execute();
        String id = String.valueOf(runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId())
                .variableName(EvaluationVariables.EVALUATION_ID).singleResult().getValue());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "processInstanceId", instance.getId()));
    }

    @GetMapping("/api/evaluations/{id}")
    Map<String, Object> get(@PathVariable String id) {
        LawFlowUser user = currentUser.get();
        var evaluation = visible(user, id);
        boolean all = mayReadAll(user);
        List<CaseEvaluations.Sample> samples = evaluations.samples(evaluation.id()).stream()
                .filter(s -> all || s.officers().contains(user.id())).toList();
        if (!all && samples.isEmpty()) {
            throw new NotFoundException("案卷评查不存在：" + id);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", evaluation.id());
        out.put("agency", evaluation.agencyId());
        out.put("year", evaluation.year());
        out.put("status", evaluation.status());
        out.put("sampleSize", evaluation.sampleSize());
        if (all) {
            out.put("population", evaluation.population());
            out.put("seed", evaluation.seed());
            out.put("startedBy", evaluation.startedBy());
            out.put("approvedBy", evaluation.approvedBy());
            out.put("approvalOpinion", evaluation.approvalOpinion());
            out.put("documents", evaluations.bulletin(evaluation.id()).map(b -> List.of(Map.of("kind",
                    "CASE_EVALUATION_BULLETIN", "title", "案卷评查情况通报", "fileName", b.get("file_name"), "sha256",
                    b.get("sha256"), "url", "/api/evaluations/" + evaluation.id() + "/bulletin"))).orElse(List.of()));
        }
        out.put("samples", samples.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("caseId", s.caseId());
            m.put("caseNo", s.caseNo());
            m.put("position", s.position());
            m.put("grade", s.grade());
            m.put("findings", s.findings());
            m.put("rectification", s.rectification());
            m.put("rectificationStatus", s.rectificationStatus());
            m.put("confirmOpinion", s.confirmOpinion());
            return m;
        }).toList());
        return out;
    }

    @GetMapping("/api/evaluations/{id}/bulletin")
    ResponseEntity<byte[]> bulletin(@PathVariable String id) {
        LawFlowUser user = currentUser.get();
        var evaluation = visible(user, id);
        if (!mayReadAll(user)) {
            throw new NotFoundException("案卷评查通报不存在：" + id);
        }
        var bulletin = evaluations.bulletin(evaluation.id())
                .orElseThrow(() -> new NotFoundException("评查通报尚未生成"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(String.valueOf(bulletin.get("file_name"))).build().toString())
                .body((byte[]) bulletin.get("content"));
    }

    private static boolean mayReadAll(LawFlowUser user) {
        return user.isIn(Groups.SUPERVISOR) || user.isIn(Groups.AGENCY_HEAD);
    }

    private CaseEvaluations.Evaluation visible(LawFlowUser user, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("id", "案卷评查编号格式不正确");
        }
        return evaluations.find(uuid).filter(e -> user.agencies().contains(e.agencyId()))
                .orElseThrow(() -> new NotFoundException("案卷评查不存在：" + id));
    }
}
