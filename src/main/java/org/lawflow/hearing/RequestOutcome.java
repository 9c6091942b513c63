package org.lawflow.hearing;

import org.springframework.http.HttpStatus;

/** What became of a hearing request (听证申请); every request is recorded with one of these. */
enum RequestOutcome {
    /** Recorded on arrival, before anything else runs; stays so only if processing failed (then a person acts). */
    RECEIVED("已登记，待处理", HttpStatus.ACCEPTED),
    ACCEPTED("已受理", HttpStatus.ACCEPTED),
    DUPLICATE("重复申请", HttpStatus.CONFLICT),
    LATE("逾期申请", HttpStatus.UNPROCESSABLE_ENTITY),
    NOT_OPEN("申请期限未开始或程序已结束", HttpStatus.CONFLICT);

    private final String label;
    private final HttpStatus status;

    RequestOutcome(String label, HttpStatus status) {
        this.label = label;
        this.status = status;
    }

    String label() {
        return label;
    }

    HttpStatus status() {
        return status;
    }
}
