package org.lawflow.monitor;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** First task of {@code monthly-statistics}: sets {@code firstWorkingDay} (today is the month's 1st working day). */
@Component("firstWorkingDayCheck")
class FirstWorkingDayCheck implements JavaDelegate {

    private final MonthlyStatisticsJob job;

    FirstWorkingDayCheck(MonthlyStatisticsJob job) {
        this.job = job;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("firstWorkingDay", job.firstWorkingDayOfMonth());
    }
}
