package org.lawflow.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code statutoryCalendar}: UP with at least {@value #WARN_DAYS} days of calendar data ahead;
 * {@code WARNING} with less (time to add next year's State Council notice); DOWN when today's year itself is
 * missing (every working-day deadline fails).
 */
@Component
class StatutoryCalendarHealthIndicator implements HealthIndicator {

    static final int WARN_DAYS = 60;
    static final Status WARNING = new Status("WARNING", "法定节假日日历即将用尽，请添加下一年度");

    private final StatutoryDeadlines deadlines;

    StatutoryCalendarHealthIndicator(StatutoryDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public Health health() {
        return healthOn(deadlines.today());
    }

    Health healthOn(LocalDate today) {
        var until = deadlines.coveredUntil(today);
        var builder = Health.unknown().withDetail("coveredYears", deadlines.coveredYears());
        if (until.isEmpty()) {
            return builder.down().withDetail("message", "法定节假日日历未包含" + today.getYear()
                    + "年，所有工作日期限均无法计算；请管理员添加该年度（PUT /api/calendar/years/" + today.getYear() + "）")
                    .build();
        }
        long daysLeft = ChronoUnit.DAYS.between(today, until.get());
        builder.withDetail("coveredUntil", until.get().toString()).withDetail("daysLeft", daysLeft);
        if (daysLeft < WARN_DAYS) {
            int next = until.get().getYear() + 1;
            return builder.status(WARNING).withDetail("message", "日历数据仅剩" + daysLeft + "天：请在国务院办公厅发布"
                    + next + "年部分节假日安排的通知后添加该年度（PUT /api/calendar/years/" + next + "）").build();
        }
        return builder.up().build();
    }
}
