package org.lawflow.monitor;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lawflow.identity.CurrentUser;
import org.lawflow.identity.Groups;
import org.lawflow.system.InvalidInputException;
import org.lawflow.system.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/statistics?agency=xining&month=2026-11[&format=json|csv|pdf]}: the monthly statistics of one
 * agency, for its supervisors and agency heads (and administrators).
 */
@RestController
class StatisticsController {

    private final MonthlyStatistics statistics;
    private final StatisticsFormats formats;
    private final CurrentUser currentUser;

    StatisticsController(MonthlyStatistics statistics, StatisticsFormats formats, CurrentUser currentUser) {
        this.statistics = statistics;
        this.formats = formats;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/statistics")
    ResponseEntity<?> statistics(@RequestParam(required = false) String agency,
            @RequestParam(required = false) String month, @RequestParam(defaultValue = "json") String format) {
        if (agency == null || agency.isBlank()) {
            throw new InvalidInputException("agency", "请指定执法机构（agency）");
        }
        YearMonth yearMonth = parseMonth(month);
        if (!format.equals("json") && !format.equals("csv") && !format.equals("pdf")) {
            throw new InvalidInputException("format", "格式只能是 json、csv 或 pdf");
        }
        var user = currentUser.get();
        boolean role = user.isAdmin() || user.isIn(Groups.SUPERVISOR) || user.isIn(Groups.AGENCY_HEAD);
        if (!role || !user.canSee(agency)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本机构的监督管理人员、负责人可以查看执法统计");
        }
        if (statistics.agencyName(agency) == null) {
            throw new NotFoundException("执法机构不存在：" + agency);
        }
        var report = statistics.report(agency, yearMonth);
        return switch (format) {
            case "csv" -> file(formats.csv(report), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                    StatisticsFormats.fileName(report, "csv"));
            case "pdf" -> file(formats.pdf(report), MediaType.APPLICATION_PDF, StatisticsFormats.fileName(report, "pdf"));
            default -> ResponseEntity.ok(json(report));
        };
    }

    static Map<String, Object> json(MonthlyStatistics.Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agency", report.agency());
        body.put("agencyName", report.agencyName());
        body.put("month", report.month().toString());
        body.put("generatedAt", report.generatedAt());
        body.put("figures", report.values());
        body.put("details", report.figures());
        return body;
    }

    private static YearMonth parseMonth(String month) {
        if (month == null || !month.matches("\\d{4}-\\d{2}")) {
            throw new InvalidInputException("month", "月份格式应为 YYYY-MM");
        }
        try {
            YearMonth parsed = YearMonth.parse(month);
            if (parsed.getYear() < 2000 || parsed.getYear() > 2100) {
                throw new InvalidInputException("month", "月份超出范围");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "月份格式应为 YYYY-MM");
        }
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }
}
