package org.lawflow.monitor;

import java.util.Date;

import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.system.ChinaTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What "即将到期" means everywhere — the Tasklist filter (its query names this bean: {@code ${dueSoon.before()}}), the
 * deadline board and the about-to-lapse mail: due by the end of the {@code lawflow.tasks.due-soon-workdays}-th
 * (default 2nd) working day after today in China, counted with the statutory calendar (行政处罚法第八十五条).
 */
@Component("dueSoon")
public class DueSoon {

    private final StatutoryDeadlines deadlines;
    private final int workdays;

    DueSoon(StatutoryDeadlines deadlines, @Value("${lawflow.tasks.due-soon-workdays:2}") int workdays) {
        if (workdays < 0 || workdays > 30) {
            throw new IllegalStateException("lawflow.tasks.due-soon-workdays must be 0..30, not " + workdays);
        }
        this.deadlines = deadlines;
        this.workdays = workdays;
    }

    /** 23:59:59 of the last day that counts as "due soon" from {@code now}: due at or before it is due soon. */
    public Date until(Date now) {
        return deadlines.endOfDay(deadlines.workdays(now.toInstant().atZone(ChinaTime.ZONE).toLocalDate(), workdays)
                .due());
    }

    /** The exclusive bound for a task query's {@code dueBefore} (which compares with "before"), from now. */
    public Date before() {
        return new Date(until(ChinaTime.nowDate()).getTime() + 1000);
    }

    public int workdays() {
        return workdays;
    }
}
