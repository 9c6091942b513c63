package org.lawflow.calendar;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lawflow.identity.CurrentUser;
import org.lawflow.system.InvalidInputException;
import org.lawflow.system.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/calendar}: deadlines for anybody logged in; the years of the calendar, which only
 * {@code camunda-admin} may add, replace or remove (from the State Council General Office's annual notice).
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private final StatutoryDeadlines deadlines;
    private final CalendarStore store;
    private final ProvisionalDeadlines provisionalDeadlines;
    private final CurrentUser currentUser;

    CalendarController(StatutoryDeadlines deadlines, CalendarStore store, ProvisionalDeadlines provisionalDeadlines,
            CurrentUser currentUser) {
        this.deadlines = deadlines;
        this.store = store;
        this.provisionalDeadlines = provisionalDeadlines;
        this.currentUser = currentUser;
    }

    /** Body of PUT /api/calendar/years/{year}. */
    record YearBody(String notice, List<CalendarYear.HolidayRange> holidays, List<CalendarYear.MakeUpDay> workdays,
            Boolean partial, String partialReason) {
    }

    /** Answer of PUT /api/calendar/years/{year}: the stored year and what its recomputation changed. */
    record SavedYear(int year, String notice, List<CalendarYear.HolidayRange> holidays,
            List<CalendarYear.MakeUpDay> workdays, ProvisionalDeadlines.Summary recomputation) {
    }

    /** Body of PUT /api/calendar/local-days/{agency}/{date}. */
    record LocalDayBody(String name, String source) {
    }

    @GetMapping("/deadline")
    Deadline deadline(@RequestParam(required = false) String from, @RequestParam(required = false) String workdays,
            @RequestParam(required = false) String days, @RequestParam(required = false) String protects,
            @RequestParam(required = false) String agency) {
        LocalDate start = parseFrom(from);
        boolean hasWorkdays = workdays != null && !workdays.isBlank();
        boolean hasDays = days != null && !days.isBlank();
        if (hasWorkdays == hasDays) {
            throw new InvalidInputException(hasWorkdays ? "days" : "workdays",
                    "须且只能提供 workdays（工作日）或 days（日历日）之一");
        }
        StatutoryPeriod.Protects protection = protection(protects);
        String forAgency = agency == null || agency.isBlank() ? currentUser.get().homeAgency() : agency.strip();
        if (forAgency != null && !currentUser.get().canSee(forAgency)) {
            throw new InvalidInputException("agency", "无权查询该机关的期限：" + forAgency);
        }
        try {
            return hasWorkdays ? deadlines.workdays(start, amount("workdays", workdays), forAgency, protection)
                    : deadlines.days(start, amount("days", days), forAgency, protection);
        } catch (CalendarNotCoveredException e) {
            throw e.forField("from");
        }
    }

    private static StatutoryPeriod.Protects protection(String protects) {
        if (protects == null || protects.isBlank() || protects.strip().equals("agency")) {
            return StatutoryPeriod.Protects.AGENCY_DUTY;
        }
        if (protects.strip().equals("party")) {
            return StatutoryPeriod.Protects.PARTY_TIME;
        }
        throw new InvalidInputException("protects", "期间保护对象须为 party（当事人）或 agency（本机关）：" + protects);
    }

    @GetMapping("/periods")
    List<Map<String, Object>> periods() {
        return Arrays.stream(StatutoryPeriod.values()).map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("chineseName", p.chineseName());
            m.put("amount", deadlines.amount(p));
            m.put("defaultAmount", p.defaultAmount());
            m.put("unit", p.unit().name());
            m.put("basis", p.basis());
            m.put("basisVerified", p.basisVerified());
            m.put("protects", p.protects().name());
            m.put("protectsName", p.protects().chineseName());
            m.put("provisionalBound", p.protects().takesLatest() ? "LATEST" : "EARLIEST");
            if (p.note() != null) {
                m.put("note", p.note());
            }
            m.put("property", "lawflow.periods." + p.name());
            return m;
        }).toList();
    }

    /** Years with a notice (NOTICE) and the coming years without one (PROVISIONAL, with their statutory days). */
    @GetMapping("/years")
    List<Map<String, Object>> years() {
        List<Map<String, Object>> years = new java.util.ArrayList<>();
        for (CalendarStore.YearSummary y : store.summaries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", y.year());
            m.put("status", "NOTICE");
            m.put("notice", y.notice());
            m.put("source", y.source());
            m.put("updatedBy", y.updatedBy());
            m.put("updatedAt", y.updatedAt());
            m.put("holidays", y.holidays());
            m.put("workdays", y.workdays());
            years.add(m);
        }
        for (int year : deadlines.provisionalYears(deadlines.today())) {
            var provisional = deadlines.calendar().provisionalYear(year);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", year);
            m.put("status", "PROVISIONAL");
            m.put("notice", StatutoryDeadlines.PROVISIONAL_MARK.formatted(year) + "：按"
                    + HolidayRegulation.revision(year) + "推算法定节假日，调休和补假日期待通知载入");
            m.put("statutoryDays", provisional.restDays());
            m.put("uncertainWeekdays", provisional.maybeRest().size());
            m.put("uncertainWeekends", provisional.maybeWork().size());
            years.add(m);
        }
        years.sort(java.util.Comparator.comparingInt(m -> (Integer) m.get("year")));
        return years;
    }

    @GetMapping("/years/{year}")
    CalendarYear year(@PathVariable int year) {
        return deadlines.calendar().year(year).orElseThrow(() -> new NotFoundException("日历中没有" + year + "年"));
    }

    @PutMapping("/years/{year}")
    ResponseEntity<Object> putYear(@PathVariable int year, @RequestBody YearBody body) {
        if (!currentUser.get().isAdmin()) {
            return forbidden();
        }
        if (body == null) {
            throw new InvalidInputException("body", "请求体必填");
        }
        CalendarYear calendarYear = new CalendarYear(year, body.notice(), body.holidays(), body.workdays()).validated()
                .complete(Boolean.TRUE.equals(body.partial()), body.partialReason());
        boolean created = store.save(calendarYear, currentUser.get().id());
        deadlines.replaceCalendar(store.load());
        CalendarYear saved = deadlines.calendar().year(year).orElseThrow();
        var summary = provisionalDeadlines.recompute(year);
        SavedYear answer = new SavedYear(year, saved.notice(), saved.holidays(), saved.workdays(), summary);
        return created ? ResponseEntity.created(URI.create("/api/calendar/years/" + year)).body(answer)
                : ResponseEntity.ok(answer);
    }

    @DeleteMapping("/years/{year}")
    ResponseEntity<Object> deleteYear(@PathVariable int year) {
        if (!currentUser.get().isAdmin()) {
            return forbidden();
        }
        if (!store.delete(year)) {
            throw new NotFoundException("日历中没有" + year + "年");
        }
        deadlines.replaceCalendar(store.load());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/local-days")
    List<CalendarStore.LocalDay> localDays(@RequestParam(required = false) String agency) {
        return store.localDays().stream().filter(d -> currentUser.get().canSee(d.agencyId()))
                .filter(d -> agency == null || agency.isBlank() || d.agencyId().equals(agency.strip())).toList();
    }

    /** A rest day declared by the agency's local government; an administrator or a head of that agency enters it. */
    @PutMapping("/local-days/{agency}/{date}")
    ResponseEntity<Object> putLocalDay(@PathVariable String agency, @PathVariable String date,
            @RequestBody LocalDayBody body) {
        if (!mayEditLocalDays(agency)) {
            return forbidden("只有系统管理员或本机关负责人可以维护本机关的地方放假日");
        }
        LocalDate day = parseDate("date", date);
        if (body == null || body.name() == null || body.name().isBlank() || body.name().length() > 100) {
            throw new InvalidInputException("name", "必填（放假日名称，如“藏历新年”），不超过100字");
        }
        if (body.source() == null || body.source().isBlank() || body.source().length() > 300) {
            throw new InvalidInputException("source", "必填（地方人民政府的放假通知文号或名称），不超过300字");
        }
        if (!HolidayRegulation.supports(day.getYear())) {
            throw new InvalidInputException("date", "日期须在" + HolidayRegulation.FIRST_YEAR + "至"
                    + HolidayRegulation.LAST_YEAR + "年之间");
        }
        if (!store.agencyExists(agency)) {
            throw new NotFoundException("没有该执法机关：" + agency);
        }
        store.saveLocalDay(agency, day, body.name().strip(), body.source().strip(), currentUser.get().id());
        deadlines.replaceCalendar(store.load());
        return ResponseEntity.ok(store.localDays().stream()
                .filter(d -> d.agencyId().equals(agency) && d.date().equals(day)).findFirst().orElseThrow());
    }

    @DeleteMapping("/local-days/{agency}/{date}")
    ResponseEntity<Object> deleteLocalDay(@PathVariable String agency, @PathVariable String date) {
        if (!mayEditLocalDays(agency)) {
            return forbidden("只有系统管理员或本机关负责人可以维护本机关的地方放假日");
        }
        if (!store.deleteLocalDay(agency, parseDate("date", date))) {
            throw new NotFoundException("没有该地方放假日");
        }
        deadlines.replaceCalendar(store.load());
        return ResponseEntity.noContent().build();
    }

    private boolean mayEditLocalDays(String agency) {
        var user = currentUser.get();
        return user.isAdmin() || user.isIn("agency-head") && user.agencies().contains(agency);
    }

    private static ResponseEntity<Object> forbidden() {
        return forbidden("只有系统管理员（camunda-admin）可以维护法定节假日日历");
    }

    private static ResponseEntity<Object> forbidden(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("无权操作");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    private static LocalDate parseFrom(String from) {
        return parseDate("from", from);
    }

    private static LocalDate parseDate(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "必填，格式 YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "日期无效，格式应为 YYYY-MM-DD：" + value);
        }
    }

    private static int amount(String field, String value) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "须为整数：" + value);
        }
        if (n < 1 || n > StatutoryDeadlines.MAX_AMOUNT) {
            throw new InvalidInputException(field, "须在1至" + StatutoryDeadlines.MAX_AMOUNT + "之间：" + n);
        }
        return n;
    }
}
