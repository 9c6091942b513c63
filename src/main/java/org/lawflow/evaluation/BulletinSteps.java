package org.lawflow.evaluation;

import static org.lawflow.evaluation.EvaluationVariables.*;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.agency.AgencyRepository;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.calendar.StatutoryPeriod;
import org.lawflow.mail.StaffMail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 通报评查结果: the bulletin is generated once all sampled cases are graded (and the 不合格 ones named for rectification);
 * after the head's approval it is mailed to the agency's configured recipients by an asynchronous job, so a mail
 * outage is retried (R5/PT5M, then a Cockpit incident) while the rectification goes on beside it.
 */
@Configuration
class BulletinSteps {

    @Bean
    JavaDelegate caseEvaluationBulletin(CaseEvaluations evaluations, AgencyRepository agencies, BulletinPdf pdf,
            StatutoryDeadlines deadlines) {
        return execution -> {
            var evaluation = evaluations.find(evaluationId(execution)).orElseThrow();
            var samples = evaluations.samples(evaluation.id());
            byte[] content = pdf.render(agencies.get(evaluation.agencyId()).name(), evaluation, samples,
                    deadlines.amount(StatutoryPeriod.CASE_RECTIFICATION));
            evaluations.saveBulletin(evaluation.id(), BulletinPdf.fileName(evaluation), content, sha256(content));
            List<String> failed = samples.stream().filter(s -> EvaluationChecklist.GRADE_FAIL.equals(s.grade()))
                    .map(s -> s.caseId().toString()).toList();
            execution.setVariable(FAILED_CASES, new java.util.ArrayList<>(failed));
            StringBuilder summary = new StringBuilder(BulletinPdf.counts(evaluation, samples));
            samples.forEach(s -> summary.append("\n").append(s.position()).append(". ").append(s.caseNo()).append("：")
                    .append(s.grade()).append(EvaluationChecklist.GRADE_FAIL.equals(s.grade())
                            ? "（" + BulletinPdf.problems(s).replace("\n", "；") + "）" : ""));
            execution.setVariable(BULLETIN_SUMMARY, summary.toString());
        };
    }

    @Bean
    JavaDelegate caseEvaluationBulletinMail(CaseEvaluations evaluations, AgencyRepository agencies, StaffMail mail,
            EvaluationSettings settings) {
        return execution -> {
            var evaluation = evaluations.find(evaluationId(execution)).orElseThrow();
            var bulletin = evaluations.bulletin(evaluation.id()).orElseThrow();
            String title = BulletinPdf.title(agencies.get(evaluation.agencyId()).name(), evaluation.year());
            mail.toAgency(evaluation.agencyId(), settings.bulletinRecipients(), "case-evaluation-bulletin",
                    Map.of("title", title, "summary", BulletinPdf.counts(evaluation, evaluations.samples(evaluation.id()))),
                    "evaluation." + evaluation.id(), List.of(new StaffMail.Attachment(
                            String.valueOf(bulletin.get("file_name")), (byte[]) bulletin.get("content"),
                            "application/pdf")));
        };
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
