package org.lawflow.review;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.casefile.PenaltyHistory;
import org.lawflow.casefile.PenaltyRevision;
import org.lawflow.system.ChinaTime;
import org.lawflow.system.ChinaTimeFormat;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.CaseLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The three ways a review ends for the case file: decided, no penalty, or review not passed. */
@Configuration
class CaseOutcomeDelegates {

    @Bean
    JavaDelegate decisionRecordDelegate(CaseLifecycle lifecycle, CaseEvents events, PenaltyHistory penalties) {
        return execution -> {
            String today = ChinaTime.today().toString();
            // the head's decision as recorded when the task was completed; no decision, no 决定书 (never the proposal)
            PenaltyRevision decided = penalties.decided(ReviewVariables.caseId(execution))
                    .filter(d -> !PenaltyRevision.NO_PENALTY.equals(d.kind()))
                    .orElseThrow(() -> new IllegalStateException("本案没有负责人决定的处罚，不能作出行政处罚决定"));
            execution.setVariable(ReviewVariables.DECIDED_ON, today);
            // for the mails (备案材料): set by the server only, no form declares it
            execution.setVariable(ReviewVariables.DECIDED_PENALTY, decided.text());
            lifecycle.decided(ReviewVariables.caseId(execution));
            events.record(ReviewVariables.caseId(execution), "system", "负责人决定", "作出行政处罚决定",
                    "决定日期：" + ChinaTimeFormat.documentDate(ChinaTime.today()) + "；决定处罚：" + decided.text());
        };
    }

    @Bean
    JavaDelegate noPenaltyDelegate(CaseLifecycle lifecycle, CaseEvents events) {
        return execution -> {
            lifecycle.closedWithoutPenalty(ReviewVariables.caseId(execution));
            events.record(ReviewVariables.caseId(execution), "system", "负责人决定", "不予行政处罚",
                    ReviewVariables.string(execution, "decisionOpinion"));
        };
    }

    /** 审核未通过: the case goes back to the officers (国办发〔2018〕118号：研究处理后重新报送). */
    @Bean
    JavaDelegate reviewRejectedDelegate(CaseLifecycle lifecycle, CaseEvents events) {
        return (DelegateExecution execution) -> {
            lifecycle.reviewRejected(ReviewVariables.caseId(execution));
            events.record(ReviewVariables.caseId(execution), "system", "法制审核", "审核不同意，案件退回承办机构",
                    ReviewVariables.string(execution, "reviewReasons"));
        };
    }
}
