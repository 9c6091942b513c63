package org.lawflow.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.lawflow.identity.CurrentUser;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.InputChecks;
import org.lawflow.system.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 行政处罚法第四十八条: a published decision that is changed or revoked is withdrawn (with the head's approval, in the
 * {@code publication-withdrawal} process) or its 执法结论 corrected; the public page states either.
 */
@RestController
@RequestMapping("/api/cases/{id}/publication")
class PublicationChangeController {

    record Withdrawal(@NotBlank(message = "请写明撤回理由") @Size(max = 1000, message = "撤回理由不超过1000字") String reason,
            LocalDate changedOn) {
    }

    /** Either {@code conclusionNote} (appended to the text generated from the case) or the full {@code text}. */
    record Correction(@Size(max = 2000, message = "更正说明不超过2000字") String conclusionNote,
            @Size(max = 6000, message = "更正后的执法结论不超过6000字") String text,
            @NotBlank(message = "请写明更正理由") @Size(max = 1000, message = "更正理由不超过1000字") String reason) {
    }

    /** The request as recorded; the head decides it in the Tasklist. */
    record RequestView(UUID id, String kind, String reason, LocalDate changedOn, String requestedBy,
            OffsetDateTime requestedAt, String status, String processInstanceId) {
    }

    private final PublicationChangeService changes;
    private final CurrentUser currentUser;

    PublicationChangeController(PublicationChangeService changes, CurrentUser currentUser) {
        this.changes = changes;
        this.currentUser = currentUser;
    }

    @PostMapping("/withdrawal")
    ResponseEntity<RequestView> requestWithdrawal(@PathVariable UUID id, @Valid @RequestBody Withdrawal withdrawal) {
        // "today" in China (InputChecks), not in the JVM's zone as @PastOrPresent would count it
        LocalDate changedOn = withdrawal.changedOn() == null ? ChinaTime.today()
                : InputChecks.pastDate("changedOn", withdrawal.changedOn());
        var request = changes.requestWithdrawal(id, withdrawal.reason(), changedOn, currentUser.get());
        var c = request.change();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new RequestView(c.id(), c.kind().name(), c.reason(),
                c.changedOn(), c.requestedBy(), c.requestedAt(), c.status().name(), request.processInstanceId()));
    }

    @PostMapping("/correction")
    Publication correct(@PathVariable UUID id, @Valid @RequestBody Correction correction) {
        boolean note = correction.conclusionNote() != null && !correction.conclusionNote().isBlank();
        boolean text = correction.text() != null && !correction.text().isBlank();
        if (note == text) {
            throw new InvalidInputException(note ? "text" : "conclusionNote",
                    note ? "更正说明与更正后的执法结论只能填写一项" : "请填写更正说明或更正后的执法结论");
        }
        return changes.correct(id, note ? correction.conclusionNote() : null, text ? correction.text() : null,
                correction.reason(), currentUser.get());
    }
}
