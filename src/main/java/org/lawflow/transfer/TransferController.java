package org.lawflow.transfer;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.lawflow.casefile.CaseFileService;
import org.lawflow.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/cases/{id}/transfers}: start a transfer, list them, record the police's answers. */
@RestController
@RequestMapping("/api/cases/{caseId}/transfers")
class TransferController {

    private final TransferService service;
    private final CaseFileService caseFiles;
    private final CurrentUser currentUser;

    TransferController(TransferService service, CaseFileService caseFiles, CurrentUser currentUser) {
        this.service = service;
        this.caseFiles = caseFiles;
        this.currentUser = currentUser;
    }

    @PostMapping
    ResponseEntity<Transfer> start(@PathVariable UUID caseId, @RequestBody TransferRequest request) {
        var user = currentUser.get();
        Transfer transfer = service.start(caseFiles.getVisible(caseId, user), request, user);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/transfers/" + transfer.id()))
                .body(transfer);
    }

    @GetMapping
    List<Transfer> list(@PathVariable UUID caseId) {
        var user = currentUser.get();
        return service.visible(caseFiles.getVisible(caseId, user), user);
    }

    @GetMapping("/{transferId}")
    Transfer get(@PathVariable UUID caseId, @PathVariable UUID transferId) {
        var user = currentUser.get();
        return service.visible(caseFiles.getVisible(caseId, user), transferId, user);
    }

    @PostMapping("/{transferId}/police-answers")
    ResponseEntity<Transfer> policeAnswer(@PathVariable UUID caseId, @PathVariable UUID transferId,
            @RequestBody PoliceAnswerRequest request) {
        var user = currentUser.get();
        var transfer = service.recordPoliceAnswer(caseFiles.getVisible(caseId, user), transferId, request, user);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(transfer);
    }
}
