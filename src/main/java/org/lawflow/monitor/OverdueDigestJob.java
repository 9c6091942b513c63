package org.lawflow.monitor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lawflow.identity.Groups;
import org.lawflow.identity.LawFlowUser;
import org.lawflow.mail.StaffMail;
import org.lawflow.system.ChinaTimeFormat;
import org.springframework.stereotype.Component;

/**
 * The timer process {@code overdue-digest}: once a day, each agency's supervisors get one mail listing the open
 * tasks past their statutory deadline (with case number, task, officer, due date and legal basis), read with a
 * supervisor's rights in that agency; no mail when nothing is overdue. Message-ID per agency, day and recipient,
 * so a retried job is recognisable as the same mail.
 */
@Component("overdueDigestJob")
class OverdueDigestJob implements JavaDelegate {

    private final DeadlineBoard board;
    private final MonthlyStatistics statistics;
    private final StaffMail mail;
    private final MonthlyStatisticsJob calendar;
    private final CalendarCoverageReminder coverage;

    OverdueDigestJob(DeadlineBoard board, MonthlyStatistics statistics, StaffMail mail,
            MonthlyStatisticsJob calendar, CalendarCoverageReminder coverage) {
        this.board = board;
        this.statistics = statistics;
        this.mail = mail;
        this.calendar = calendar;
        this.coverage = coverage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> sent = new ArrayList<>();
        for (String agency : statistics.agencies()) {
            sent.addAll(send(agency));
        }
        execution.setVariable("digestRecipients", String.join(",", sent));
        execution.setVariable("calendarReminderRecipients", String.join(",", coverage.remind(calendar.today())));
    }

    List<String> send(String agency) {
        var supervisorView = new LawFlowUser("lawflow-digest", "逾期督办", List.of(Groups.SUPERVISOR), List.of(agency));
        var overdue = board.board(supervisorView, null, null).items().stream()
                .filter(i -> i.status() == DeadlineBoard.Status.OVERDUE).toList();
        if (overdue.isEmpty()) {
            return List.of();
        }
        StringBuilder list = new StringBuilder();
        int n = 1;
        for (var item : overdue) {
            list.append(n++).append(". ").append(item.caseNo() == null ? "—" : item.caseNo()).append("　")
                    .append(item.flowName()).append("／").append(item.taskName()).append("　承办人：")
                    .append(item.assignee() == null ? "未签收" : item.assignee()).append("　期限：")
                    .append(ChinaTimeFormat.dateTime(item.due())).append("\n   ").append(item.period()).append("（")
                    .append(item.basis()).append("）\n");
        }
        LocalDate today = calendar.today();
        return mail.toSupervisors(agency, "overdue-digest", Map.of("count", String.valueOf(overdue.size()), "date",
                ChinaTimeFormat.date(today),
                "items", list.toString().strip(), "agency", String.valueOf(statistics.agencyName(agency))),
                "overdue-digest." + agency + "." + today, List.of());
    }
}
