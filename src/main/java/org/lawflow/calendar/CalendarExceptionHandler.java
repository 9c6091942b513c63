package org.lawflow.calendar;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A deadline beyond the known calendar years is a 422 problem detail in every /api controller (also when the
 * exception is the cause of an engine exception), ahead of the generic 500 of the system module.
 */
@RestControllerAdvice(basePackages = "org.lawflow")
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalendarExceptionHandler {

    @ExceptionHandler(CalendarNotCoveredException.class)
    ProblemDetail notCovered(CalendarNotCoveredException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("法定节假日日历未覆盖");
        problem.setType(URI.create("https://lawflow.example/problems/calendar-not-covered"));
        problem.setProperty("year", e.year());
        problem.setProperty("coveredYears", e.coveredYears());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }
}
