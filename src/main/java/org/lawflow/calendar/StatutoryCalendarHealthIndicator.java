package org.lawflow.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code statutoryCalendar}: UP while the loaded notices cover at least {@value #WARN_DAYS} more
 * days; otherwise {@code WARNING} naming the years whose deadlines are provisional. Never DOWN: a missing notice
 * makes deadlines provisional, it stops nothing (the 60-day reminder is mailed by {@link CalendarCoverageReminder}).
 */
@Component
class StatutoryCalendarHealthIndicator implements HealthIndicator {

    static final int WARN_DAYS = 60;
    static final Status WARNING = new Status("WARNING", "法定节假日日历：部分年度的放假安排尚未载入，期限为暂定");

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
        until.ifPresent(u -> builder.withDetail("coveredUntil", u.toString())
                .withDetail("daysLeft", ChronoUnit.DAYS.between(today, u)));
        long daysLeft = until.map(u -> ChronoUnit.DAYS.between(today, u)).orElse(-1L);
        if (daysLeft >= WARN_DAYS) {
            return builder.up().build();
        }
        List<Integer> provisional = deadlines.provisionalYears(today).stream()
                .filter(y -> y <= today.plusDays(WARN_DAYS).getYear()).toList();
        return builder.status(WARNING).withDetail("provisionalYears", provisional)
                .withDetail("message", message(provisional, daysLeft)).build();
    }

    static String message(List<Integer> provisional, long daysLeft) {
        String years = String.join("、", provisional.stream().map(String::valueOf).toList());
        return (daysLeft < 0 ? "本年度" : "已载入的放假安排仅余" + daysLeft + "天，") + years
                + "年国务院办公厅放假安排尚未载入：涉及该年度的期限按《全国年节及纪念日放假办法》暂定（当事人的期间取较晚日期，"
                + "本机关的职责期限取较早日期），通知载入后自动重新计算。请系统管理员载入（PUT /api/calendar/years/"
                + provisional.stream().findFirst().orElse(0) + "）";
    }
}
