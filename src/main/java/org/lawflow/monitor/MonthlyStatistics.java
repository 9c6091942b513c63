package org.lawflow.monitor;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.lawflow.system.ChinaTime;
import org.lawflow.calendar.StatutoryDeadlines;
import org.lawflow.identity.EngineAuthentication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The monthly enforcement statistics of one agency (每月执法统计), computed from the app tables and the Camunda
 * history. Each figure counts what happened in the month (Asia/Shanghai): see {@link #FIGURES} for the rules.
 */
@Component
class MonthlyStatistics {

    /** One figure: key (CSV/JSON), Chinese label, value, and how it is counted. */
    record Figure(String key, String label, Number value, String rule) {
    }

    record Report(String agency, String agencyName, YearMonth month, Date generatedAt, List<Figure> figures) {
        Map<String, Number> values() {
            Map<String, Number> values = new LinkedHashMap<>();
            figures.forEach(f -> values.put(f.key(), f.value()));
            return values;
        }
    }

    static final String REVIEW = "major-decision-review";
    static final String HEARING = "hearing-notice";

    static final Map<String, String> TRANSFER_OUTCOMES = new LinkedHashMap<>();
    static {
        TRANSFER_OUTCOMES.put("REGISTERED", "待负责人审批");
        TRANSFER_OUTCOMES.put("REFUSED", "负责人不批准移送");
        TRANSFER_OUTCOMES.put("SENT", "已移送公安机关");
        TRANSFER_OUTCOMES.put("FILED", "公安机关已立案");
        TRANSFER_OUTCOMES.put("NOT_FILED", "公安机关不予立案");
        TRANSFER_OUTCOMES.put("HANDED_OVER", "已移交涉案物品");
        TRANSFER_OUTCOMES.put("RETURNED_TO_ADMINISTRATIVE", "退回行政处理");
    }

    private final JdbcTemplate jdbc;
    private final ProcessEngine engine;
    private final EngineAuthentication engineAuthentication;
    private final StatutoryDeadlines deadlines;

    MonthlyStatistics(JdbcTemplate jdbc, ProcessEngine engine, EngineAuthentication engineAuthentication,
            StatutoryDeadlines deadlines) {
        this.engineAuthentication = engineAuthentication;
        this.jdbc = jdbc;
        this.engine = engine;
        this.deadlines = deadlines;
    }

    List<String> agencies() {
        return jdbc.queryForList("select id from agency order by id", String.class);
    }

    String agencyName(String agency) {
        List<String> names = jdbc.queryForList("select name from agency where id = ?", String.class, agency);
        return names.isEmpty() ? null : names.get(0);
    }

    Report report(String agency, YearMonth month) {
        ZoneId zone = deadlines.zone();
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        Date fd = Date.from(from);
        Date td = Date.from(to);
        List<Figure> figures = new ArrayList<>();

        figures.add(new Figure("casesRegistered", "登记案件数", count(
                "select count(*) from enforcement_case where agency_id = ? and registered_at >= ? and registered_at < ?",
                agency, f, t), "本月登记（POST /api/cases）的案件"));

        // head decisions (Task_HeadDecision completed in the month): penalty / no penalty = decided
        Map<String, Long> headDecisions = engineAuthentication.unrestricted(() -> {
            List<HistoricTaskInstance> tasks = finishedTasks(agency, REVIEW, "Task_HeadDecision", fd, td);
            Map<String, Object> decision = variable("headDecision", tasks);
            return tasks.stream().collect(Collectors.groupingBy(
                    h -> String.valueOf(decision.get(h.getProcessInstanceId())), Collectors.counting()));
        });
        figures.add(new Figure("casesDecided", "作出决定案件数",
                headDecisions.getOrDefault("PENALTY", 0L) + headDecisions.getOrDefault("NO_PENALTY", 0L),
                "负责人本月作出处罚或不予处罚决定（重大执法决定法制审核流程）"));

        // legal reviews: every completed review task; all but the last of an instance were returned (退回补充)
        var reviews = engineAuthentication.unrestricted(() -> reviewOutcomes(agency, fd, td));
        figures.add(new Figure("legalReviews", "法制审核件次", reviews.size(), "本月完成的法制审核任务"));
        figures.add(new Figure("legalReviewsPassed", "法制审核通过", countOutcome(reviews, "APPROVE"), "审核意见：同意"));
        figures.add(new Figure("legalReviewsReturned", "法制审核退回补充", countOutcome(reviews, "RETURN"), "审核意见：退回补充"));
        figures.add(new Figure("legalReviewsRejected", "法制审核不予通过", countOutcome(reviews, "REJECT"), "审核意见：不同意"));
        figures.add(new Figure("legalReviewMedianWorkdays", "法制审核用时中位数（工作日）",
                median(reviews.stream().map(r -> r.workdays).toList()),
                "自审核任务创建至完成的工作日数（行政处罚法第八十五条计算，起算日不计入）"));

        figures.add(new Figure("hearingsRequested", "听证申请数", count(
                "select count(*) from hearing_request r join enforcement_case c on c.id = r.case_id "
                        + "where c.agency_id = ? and r.outcome = 'ACCEPTED' and r.received_at >= ? and r.received_at < ?",
                agency, f, t), "本月受理的听证申请（逾期、重复申请不计）"));
        Map<String, Long> hearingEnds = engineAuthentication.unrestricted(() -> endEvents(agency, HEARING, fd, td));
        figures.add(new Figure("hearingsHeld", "举行听证数", hearingEnds.getOrDefault("End_Held", 0L),
                "本月听证结束（听证笔录、听证报告已生成）"));
        figures.add(new Figure("hearingsWaived", "放弃听证数",
                hearingEnds.getOrDefault("End_Waived", 0L) + hearingEnds.getOrDefault("End_Terminated", 0L),
                "期限内未申请、或无正当理由不到场/中途退场（视为放弃）"));

        long[] filings = engineAuthentication.unrestricted(() -> filings(agency, fd, td));
        figures.add(new Figure("filingsOnTime", "按时备案", filings[0], "本月完成的重大行政处罚决定备案，期限内报送"));
        figures.add(new Figure("filingsLate", "逾期备案", filings[1], "备案期限届满后才报送（备案逾期督办已触发）"));

        List<Map<String, Object>> publications = jdbc.queryForList(
                "select published_at, publication_due from publication where agency_id = ? and published_at >= ? "
                        + "and published_at < ?", agency, f, t);
        long late = publications.stream().filter(p -> p.get("publication_due") != null
                && toLocalDate(p.get("published_at"), zone).isAfter(toLocalDate(p.get("publication_due"), zone))).count();
        figures.add(new Figure("publicationsOnTime", "按时公示", publications.size() - late, "本月公示，且在20个工作日期限内"));
        figures.add(new Figure("publicationsLate", "逾期公示", late, "本月公示，超过公示期限"));

        figures.add(new Figure("criminalTransfers", "涉嫌犯罪案件移送（启动）", count(
                "select count(*) from case_transfer where agency_id = ? and kind = 'CRIMINAL' and started_at >= ? "
                        + "and started_at < ?", agency, f, t), "本月启动的行刑衔接移送"));
        Map<String, Long> outcomes = new HashMap<>();
        jdbc.queryForList("select status, count(*) as n from case_transfer where agency_id = ? and kind = 'CRIMINAL' "
                + "and started_at >= ? and started_at < ? group by status", agency, f, t)
                .forEach(r -> outcomes.put((String) r.get("status"), ((Number) r.get("n")).longValue()));
        for (var outcome : TRANSFER_OUTCOMES.entrySet()) {
            figures.add(new Figure("criminalTransfers." + outcome.getKey(), "　其中：" + outcome.getValue(),
                    outcomes.getOrDefault(outcome.getKey(), 0L), "本月启动的移送目前所处状态"));
        }
        figures.add(new Figure("disciplineClues", "问题线索移送（纪检监察）", count(
                "select count(*) from case_transfer where agency_id = ? and kind = 'DISCIPLINE' and started_at >= ? "
                        + "and started_at < ?", agency, f, t), "本月登记的问题线索"));
        return new Report(agency, agencyName(agency), month, ChinaTime.nowDate(), figures);
    }

    private record Review(String outcome, int workdays) {
    }

    private List<Review> reviewOutcomes(String agency, Date from, Date to) {
        // all completed review tasks of the instances with a review completed in the month
        List<HistoricTaskInstance> inMonth = finishedTasks(agency, REVIEW, "Task_ReviewLegality", from, to);
        if (inMonth.isEmpty()) {
            return List.of();
        }
        Set<String> instances = inMonth.stream().map(HistoricTaskInstance::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, Object> opinion = variable("reviewOpinion", inMonth);
        Map<String, List<HistoricTaskInstance>> all = new HashMap<>();
        for (String instance : instances) {
            all.put(instance, engine.getHistoryService().createHistoricTaskInstanceQuery().finished()
                    .taskDefinitionKey("Task_ReviewLegality").processInstanceId(instance).list().stream()
                    .filter(h -> "completed".equals(h.getDeleteReason())).toList());
        }
        List<Review> reviews = new ArrayList<>();
        for (var entry : all.entrySet()) {
            var sorted = entry.getValue().stream().sorted(Comparator.comparing(HistoricTaskInstance::getEndTime)).toList();
            for (int i = 0; i < sorted.size(); i++) {
                var task = sorted.get(i);
                if (task.getEndTime().before(from) || !task.getEndTime().before(to)) {
                    continue;
                }
                String outcome = i < sorted.size() - 1 ? "RETURN" : String.valueOf(opinion.get(entry.getKey()));
                reviews.add(new Review(outcome, workdaysBetween(task.getStartTime(), task.getEndTime())));
            }
        }
        return reviews;
    }

    /** Working days from the start day (not counted) to the end day (counted). */
    int workdaysBetween(Date start, Date end) {
        ZoneId zone = deadlines.zone();
        LocalDate day = start.toInstant().atZone(zone).toLocalDate();
        LocalDate last = end.toInstant().atZone(zone).toLocalDate();
        int n = 0;
        while (day.isBefore(last)) {
            day = day.plusDays(1);
            if (deadlines.isWorkingDay(day)) {
                n++;
            }
        }
        return n;
    }

    static Number median(List<Integer> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(mid);
        }
        return (sorted.get(mid - 1) + sorted.get(mid)) / 2.0;
    }

    private static long countOutcome(List<Review> reviews, String outcome) {
        return reviews.stream().filter(r -> outcome.equals(r.outcome)).count();
    }

    private long[] filings(String agency, Date from, Date to) {
        List<HistoricActivityInstance> done = engine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId("SubProcess_Filing").finished().tenantIdIn(agency).list().stream()
                .filter(a -> !a.getEndTime().before(from) && a.getEndTime().before(to)).toList();
        long late = 0;
        for (var filing : done) {
            boolean escalated = engine.getHistoryService().createHistoricActivityInstanceQuery()
                    .processInstanceId(filing.getProcessInstanceId()).activityId("Timer_FilingDeadline").count() > 0;
            late += escalated ? 1 : 0;
        }
        return new long[] {done.size() - late, late};
    }

    private Map<String, Long> endEvents(String agency, String processKey, Date from, Date to) {
        var definitionIds = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
                .list().stream().map(d -> d.getId()).collect(Collectors.toSet());
        return engine.getHistoryService().createHistoricActivityInstanceQuery().activityType("noneEndEvent")
                .tenantIdIn(agency).finished().list().stream()
                .filter(a -> definitionIds.contains(a.getProcessDefinitionId()))
                .filter(a -> !a.getEndTime().before(from) && a.getEndTime().before(to))
                .collect(Collectors.groupingBy(HistoricActivityInstance::getActivityId, Collectors.counting()));
    }

    private List<HistoricTaskInstance> finishedTasks(String agency, String processKey, String taskKey, Date from, Date to) {
        return engine.getHistoryService().createHistoricTaskInstanceQuery().processDefinitionKey(processKey)
                .taskDefinitionKey(taskKey).tenantIdIn(agency).finished().finishedAfter(new Date(from.getTime() - 1))
                .finishedBefore(to).list().stream()
                .filter(h -> "completed".equals(h.getDeleteReason()))
                .filter(h -> !h.getEndTime().before(from) && h.getEndTime().before(to)).toList();
    }

    private Map<String, Object> variable(String name, List<HistoricTaskInstance> tasks) {
        if (tasks.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> values = new HashMap<>();
        engine.getHistoryService().createHistoricVariableInstanceQuery().variableName(name)
                .processInstanceIdIn(tasks.stream().map(HistoricTaskInstance::getProcessInstanceId).distinct()
                        .toArray(String[]::new))
                .list().forEach((HistoricVariableInstance v) -> values.put(v.getProcessInstanceId(), v.getValue()));
        return values;
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static LocalDate toLocalDate(Object value, ZoneId zone) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant().atZone(zone).toLocalDate();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.atZoneSameInstant(zone).toLocalDate();
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(zone).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(value).substring(0, 10));
    }
}
