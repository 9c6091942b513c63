/**
 * 案卷评查 (process {@code case-file-evaluation}): a supervisor starts the year's evaluation of the agency's decided
 * cases, a random sample with a recorded seed is drawn, each sampled case is graded against
 * {@link org.lawflow.evaluation.EvaluationChecklist}, the head approves the bulletin (案卷评查情况通报) before it is mailed,
 * and each 不合格 case is rectified by its lead officer and confirmed by a supervisor. Basis: 青交〔2024〕32号 and the
 * plans in the seeds (每年度不少于1次，随机抽查不少于10件，通报结果，整改不合格案卷).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"agency", "calendar", "casefile", "documents", "documents :: report",
        "identity", "mail", "system"})
package org.lawflow.evaluation;
