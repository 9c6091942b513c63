package org.lawflow.evaluation;

import static org.lawflow.evaluation.EvaluationVariables.*;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.identity.Groups;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The automatic steps of {@code case-file-evaluation}: the start check, the seeded draw, closing. The guards of the
 * user tasks are in {@link EvaluationGuards}, the bulletin in {@link BulletinSteps}.
 */
@Configuration
class EvaluationSteps {

    /** Largest sample one evaluation takes: a form cannot hold more tasks sensibly. */
    static final int MAX_SAMPLE = 200;

    /**
     * On the process start, however it is started (/api, Tasklist start form): a supervisor of the instance's agency,
     * a past or current year, a sample not below the minimum; no second running evaluation of the year (409). Creates
     * the evaluation and names the instance 2025年度案卷评查.
     */
    @Bean
    ExecutionListener caseEvaluationStartCheck(CaseEvaluations evaluations, EvaluationSettings settings) {
        return execution -> {
            var authentication = Context.getCommandContext() == null ? null
                    : Context.getCommandContext().getAuthentication();
            if (authentication != null && (authentication.getGroupIds() == null
                    || !authentication.getGroupIds().contains(Groups.SUPERVISOR))) {
                throw new AuthorizationException("只有监督管理人员可以发起案卷评查");
            }
            String agency = execution.getTenantId();
            if (agency == null) {
                throw new InvalidInputException(AGENCY_ID, "无法确定执法机构，请以本机构监督管理人员身份发起");
            }
            int year = year(execution.getVariable(YEAR));
            int sample = sampleSize(execution.getVariable(SAMPLE_SIZE), settings.minimumSample());
            UUID id = UUID.randomUUID();
            evaluations.create(id, agency, year, sample, execution.getProcessInstanceId(),
                    authentication == null ? "system" : authentication.getUserId());
            execution.setVariable(EVALUATION_ID, id.toString());
            execution.setVariable(YEAR, year);
            execution.setVariable(SAMPLE_SIZE, sample);
            execution.setVariable(AGENCY_ID, agency);
            execution.setProcessBusinessKey(year + "年度案卷评查");
        };
    }

    static int year(Object value) {
        int current = ChinaTime.today().getYear();
        int year;
        try {
            year = value instanceof Number n ? Math.toIntExact(n.longValue()) : Integer.parseInt(String.valueOf(value).strip());
        } catch (RuntimeException e) {
            throw new InvalidInputException(YEAR, value == null ? "请填写评查年度" : "评查年度应为四位数年份");
        }
        if (year < 2000 || year > current) {
            throw new InvalidInputException(YEAR, "评查年度应在2000年至" + current + "年之间");
        }
        return year;
    }

    static int sampleSize(Object value, int minimum) {
        if (value == null || String.valueOf(value).isBlank()) {
            return minimum;
        }
        int size;
        try {
            size = value instanceof Number n ? Math.toIntExact(n.longValue()) : Integer.parseInt(String.valueOf(value).strip());
        } catch (RuntimeException e) {
            throw new InvalidInputException(SAMPLE_SIZE, "抽查数量应为整数");
        }
        if (size < minimum) {
            throw new InvalidInputException(SAMPLE_SIZE, "抽查数量不得少于" + minimum + "件（实际案卷不足的按实际数量评查）");
        }
        if (size > MAX_SAMPLE) {
            throw new InvalidInputException(SAMPLE_SIZE, "抽查数量不得超过" + MAX_SAMPLE + "件");
        }
        return size;
    }

    /**
     * 随机抽查: the agency's cases decided in the year, ordered by case number, shuffled with java.util.Random(seed)
     * and the first sampleSize taken (all of them when fewer). The seed is recorded, so anyone can repeat the draw.
     */
    @Bean
    JavaDelegate caseEvaluationSampling(CaseEvaluations evaluations, CaseEvents events) {
        return execution -> {
            UUID id = evaluationId(execution);
            int year = ((Number) execution.getVariable(YEAR)).intValue();
            int size = ((Number) execution.getVariable(SAMPLE_SIZE)).intValue();
            var population = evaluations.decidedIn(execution.getTenantId(), year);
            long seed = new SecureRandom().nextLong();
            var drawn = draw(population, size, seed);
            evaluations.recordDraw(id, population.size(), seed, drawn);
            List<String> sampled = new ArrayList<>();
            for (int i = 0; i < drawn.size(); i++) {
                var c = drawn.get(i);
                sampled.add(c.id().toString());
                events.record(c.id(), "system", "案卷评查", "抽中" + year + "年度案卷评查",
                        "随机抽查第" + (i + 1) + "件（共抽取" + drawn.size() + "件，本年度案卷" + population.size()
                                + "件；随机种子" + seed + "）");
            }
            execution.setVariable(SAMPLED_CASES, sampled);
        };
    }

    static List<CaseEvaluations.Candidate> draw(List<CaseEvaluations.Candidate> population, int size, long seed) {
        List<CaseEvaluations.Candidate> shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, new Random(seed));
        return List.copyOf(shuffled.subList(0, Math.min(size, shuffled.size())));
    }

    @Bean
    JavaDelegate caseEvaluationClose(CaseEvaluations evaluations) {
        return (DelegateExecution execution) -> evaluations.close(evaluationId(execution));
    }
}
