package org.lawflow.review;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.lawflow.system.ChinaTime;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.identity.CurrentUser;
import org.lawflow.system.InputChecks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cases/{id}/review} and the withdrawal of a published decision. */
@RestController
@RequestMapping("/api/cases/{id}")
class ReviewController {

    record Withdrawal(@NotBlank(message = "请写明撤回理由") @Size(max = 1000, message = "撤回理由不超过1000字") String reason,
            @PastOrPresent(message = "决定变更日期不能晚于今天") LocalDate changedOn) {
    }

    private final ReviewService reviews;
    private final CurrentUser currentUser;
    private final StatutoryDeadlines deadlines;

    ReviewController(ReviewService reviews, CurrentUser currentUser, StatutoryDeadlines deadlines) {
        this.reviews = reviews;
        this.currentUser = currentUser;
        this.deadlines = deadlines;
    }

    @PostMapping("/review")
    ResponseEntity<Map<String, Object>> startReview(@PathVariable UUID id) {
        var instance = reviews.start(id, currentUser.get());
        return ResponseEntity.created(URI.create("/api/cases/" + id))
                .body(Map.of("processInstanceId", instance.getId(), "processKey", ReviewVariables.PROCESS_KEY));
    }

    /** 行政处罚法第四十八条: a changed or revoked decision's publication is withdrawn within 3 working days. */
    @PostMapping("/publication/withdrawal")
    Publication withdraw(@PathVariable UUID id, @Valid @RequestBody Withdrawal withdrawal) {
        LocalDate changedOn = withdrawal.changedOn() == null ? ChinaTime.today()
                : InputChecks.pastDate("changedOn", withdrawal.changedOn());
        return reviews.withdrawPublication(id, withdrawal.reason(), changedOn, deadlines.endOfDay(deadlines.deadline(StatutoryPeriod.WITHDRAWAL, changedOn).due()),
                currentUser.get());
    }
}
