package org.lawflow.review;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.lawflow.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cases/{id}/review}; changes to the published decision: {@link PublicationChangeController}. */
@RestController
@RequestMapping("/api/cases/{id}")
class ReviewController {

    private final ReviewService reviews;
    private final CurrentUser currentUser;

    ReviewController(ReviewService reviews, CurrentUser currentUser) {
        this.reviews = reviews;
        this.currentUser = currentUser;
    }

    @PostMapping("/review")
    ResponseEntity<Map<String, Object>> startReview(@PathVariable UUID id) {
        var instance = reviews.start(id, currentUser.get());
        return ResponseEntity.created(URI.create("/api/cases/" + id))
                .body(Map.of("processInstanceId", instance.getId(), "processKey", ReviewVariables.PROCESS_KEY));
    }
}
