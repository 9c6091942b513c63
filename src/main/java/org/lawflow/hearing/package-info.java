/**
 * The hearing notice (听证告知) and hearing (听证) flow {@code hearing-notice}, 行政处罚法第六十三至六十五条:
 * the request window of five working days, the party's requests by REST (always recorded), the host's
 * independence from the investigators, recusal (回避), the seven-working-day notice and the outcome
 * (WAIVED / HELD / TERMINATED) returned to the calling review.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"casefile", "identity", "system"})
package org.lawflow.hearing;
