package org.lawflow.monitor;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** First task of {@code monthly-statistics}: sets {@code firstOfMonth} (today, China time, is the 1st). */
@Component("firstOfMonthCheck")
class FirstOfMonthCheck implements JavaDelegate {

    private final MonthlyStatisticsJob job;

    FirstOfMonthCheck(MonthlyStatisticsJob job) {
        this.job = job;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("firstOfMonth", job.firstOfMonth());
    }
}
