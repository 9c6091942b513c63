package org.lawflow.review;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.system.ChinaTime;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.CaseLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The three ways a review ends for the case file: decided, no penalty, or review not passed. */
@Configuration
class CaseOutcomeDelegates {

    @Bean
    JavaDelegate decisionRecordDelegate(CaseLifecycle lifecycle, CaseEvents events) {
        return execution -> {
            String today = ChinaTime.today().toString();
            execution.setVariable(ReviewVariables.DECIDED_ON, today);
            lifecycle.decided(ReviewVariables.caseId(execution));
            events.record(ReviewVariables.caseId(execution), "system", "负责人决定", "作出行政处罚决定",
                    "决定日期：" + today);
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
