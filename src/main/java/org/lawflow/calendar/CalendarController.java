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
    private final CurrentUser currentUser;

    CalendarController(StatutoryDeadlines deadlines, CalendarStore store, CurrentUser currentUser) {
        this.deadlines = deadlines;
        this.store = store;
        this.currentUser = currentUser;
    }

    /** Body of PUT /api/calendar/years/{year}. */
    record YearBody(String notice, List<CalendarYear.HolidayRange> holidays, List<CalendarYear.MakeUpDay> workdays) {
    }

    @GetMapping("/deadline")
    Deadline deadline(@RequestParam(required = false) String from, @RequestParam(required = false) String workdays,
            @RequestParam(required = false) String days) {
        LocalDate start = parseFrom(from);
        boolean hasWorkdays = workdays != null && !workdays.isBlank();
        boolean hasDays = days != null && !days.isBlank();
        if (hasWorkdays == hasDays) {
            throw new InvalidInputException(hasWorkdays ? "days" : "workdays",
                    "须且只能提供 workdays（工作日）或 days（日历日）之一");
        }
        return hasWorkdays ? deadlines.workdays(start, amount("workdays", workdays))
                : deadlines.days(start, amount("days", days));
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
            if (p.note() != null) {
                m.put("note", p.note());
            }
            m.put("property", "lawflow.periods." + p.name());
            return m;
        }).toList();
    }

    @GetMapping("/years")
    List<CalendarStore.YearSummary> years() {
        return store.summaries();
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
        CalendarYear calendarYear = new CalendarYear(year, body.notice(), body.holidays(), body.workdays()).validated();
        boolean created = store.save(calendarYear, currentUser.get().id());
        deadlines.replaceCalendar(store.load());
        CalendarYear saved = deadlines.calendar().year(year).orElseThrow();
        return created ? ResponseEntity.created(URI.create("/api/calendar/years/" + year)).body(saved)
                : ResponseEntity.ok(saved);
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

    private static ResponseEntity<Object> forbidden() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "只有系统管理员（camunda-admin）可以维护法定节假日日历");
        problem.setTitle("无权操作");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    private static LocalDate parseFrom(String from) {
        if (from == null || from.isBlank()) {
            throw new InvalidInputException("from", "必填，格式 YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(from.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("from", "日期无效，格式应为 YYYY-MM-DD：" + from);
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
