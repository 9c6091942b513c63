package org.lawflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lawflow.ApiClient;
import org.lawflow.LawFlowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/** /api/calendar/** as the demo users, the database-backed calendar and the health component. */
@LawFlowSpringTest
class CalendarApiTest {

    /** Never entered by any test, and beyond the years the holiday regulation is applied to (2014-2050). */
    private static final int UNCOVERED = 2090;
    /**
     * Entered and deleted again by this class only (the Spring context and its database are shared, so no test
     * may delete a year other tests count in); beyond the regulation's years like {@link #UNCOVERED}.
     */
    private static final String ADMIN_YEAR_PATH = "/api/calendar/years/2091";

    @Autowired TestRestTemplate rest;
    @Autowired StatutoryDeadlines deadlines;

    private ApiClient api() {
        return new ApiClient(rest);
    }

    @Test
    void workingDayDeadlineInTheDesignShape() {
        var response = api().get("zhangwei", "/api/calendar/deadline?from=2026-09-30&workdays=3");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var json = response.json();
        assertThat(json.get("from").asText()).isEqualTo("2026-09-30");
        assertThat(json.get("due").asText()).isEqualTo("2026-10-10");
        assertThat(json.get("basis").asText()).isEqualTo("行政处罚法第八十五条");
        assertThat(json.get("rule").asText()).contains("3个工作日");
    }

    @Test
    void calendarDayDeadlineMovesOffAHoliday() {
        var json = api().get("wangfang", "/api/calendar/deadline?from=2025-01-20&days=15").json();
        assertThat(json.get("due").asText()).isEqualTo("2025-02-05");
        assertThat(json.get("basis").asText()).isEqualTo("民事诉讼法第八十五条");
    }

    @ParameterizedTest(name = "{0} -> field {1}")
    @CsvSource(delimiter = '|', textBlock = """
            workdays=3                          | from
            from=2026-02-30&workdays=3          | from
            from=30.09.2026&workdays=3          | from
            from=2026-09-30                     | workdays
            from=2026-09-30&workdays=3&days=3   | days
            from=2026-09-30&workdays=-1         | workdays
            from=2026-09-30&days=100000         | days
            from=2026-09-30&workdays=drei       | workdays
            """)
    void badInputIsAProblemNamingTheField(String query, String field) {
        var response = api().get("zhangwei", "/api/calendar/deadline?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).isEqualTo(field);
    }

    @Test
    void beyondTheCalendarIs422NotAGuess() {
        var response = api().get("zhangwei", "/api/calendar/deadline?from=" + UNCOVERED + "-03-01&days=3");
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("year").asInt()).isEqualTo(UNCOVERED);
        assertThat(response.json().get("field").asText()).isEqualTo("from");
        assertThat(response.json().get("detail").asText()).contains("PUT /api/calendar/years/" + UNCOVERED);
    }

    @Test
    void periodsAndYearsAreListed() {
        var periods = api().get("zhangwei", "/api/calendar/periods").json();
        assertThat(periods).hasSize(StatutoryPeriod.values().length);
        assertThat(periods.get(0).get("name").asText()).isEqualTo("STATEMENT_DEFENCE");
        assertThat(periods.findValuesAsText("name")).contains("TRANSFER_SEND", "DISCIPLINE_CLUE_TRANSFER");
        var years = api().get("zhangwei", "/api/calendar/years").json();
        assertThat(years.findValuesAsText("year")).contains("2024", "2025", "2026");
        assertThat(years.get(0).get("notice").asText()).contains("国办发明电〔2023〕7号");
        var year2026 = api().get("zhangwei", "/api/calendar/years/2026").json();
        assertThat(year2026.get("holidays").get(1).get("from").asText()).isEqualTo("2026-02-15");
        assertThat(year2026.get("holidays").get(1).get("to").asText()).isEqualTo("2026-02-23");
        assertThat(api().get("zhangwei", "/api/calendar/years/" + UNCOVERED).status()).isEqualTo(404);
    }

    @Test
    void onlyTheAdministratorAddsAYearAndThenItsDeadlinesWork() {
        String path = ADMIN_YEAR_PATH;
        // Illustrative dates only, in a year far ahead: no real notice exists for it.
        Map<String, Object> body = Map.of(
                "notice", "测试用：国务院办公厅关于2091年部分节假日安排的通知",
                "holidays", List.of(Map.of("name", "元旦", "from", "2091-01-01", "to", "2091-01-03"),
                        Map.of("name", "春节", "from", "2091-02-05", "to", "2091-02-13")),
                "workdays", List.of(Map.of("date", "2091-02-04", "name", "春节调休上班")),
                "partial", true, "partialReason", "测试：只载入元旦和春节");
        assertThat(api().get("zhangwei", "/api/calendar/deadline?from=2091-01-01&workdays=1").status())
                .isEqualTo(422);
        assertThat(api().exchange("zhangwei", HttpMethod.PUT, path, body).status()).isEqualTo(403);
        assertThat(api().exchange("zhaomin", HttpMethod.PUT, path, body).status()).isEqualTo(403);
        assertThat(api().exchange(null, HttpMethod.PUT, path, body).status()).isEqualTo(401);
        try {
            var created = api().exchange("admin", HttpMethod.PUT, path, body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            // 01-01 (Mon) .. 01-03 rest, then 01-04 (Thu)
            var due = api().get("zhangwei", "/api/calendar/deadline?from=2091-01-01&workdays=1").json();
            assertThat(due.get("due").asText()).isEqualTo("2091-01-04");
            // 02-02 (Fri), 02-03 (Sat) rest, 02-04 (Sun) a make-up working day
            assertThat(api().get("zhangwei", "/api/calendar/deadline?from=2091-02-02&workdays=1").json()
                    .get("due").asText()).isEqualTo("2091-02-04");
            assertThat(deadlines.coveredYears()).contains(2091);
            var years = api().get("zhangwei", "/api/calendar/years").json();
            assertThat(years.findValuesAsText("source")).contains("ADMIN", "DATA_FILE");
            // replacing is allowed (a corrected notice)
            assertThat(api().exchange("admin", HttpMethod.PUT, path, body).status()).isEqualTo(200);
        } finally {
            assertThat(api().exchange("admin", HttpMethod.DELETE, path, null).status()).isEqualTo(204);
        }
        assertThat(api().get("zhangwei", "/api/calendar/deadline?from=2091-01-01&workdays=1").status())
                .isEqualTo(422);
    }

    @Test
    void anIncompleteNoticeIsRefusedNamingWhatIsMissing() {
        var response = api().exchange("admin", HttpMethod.PUT, "/api/calendar/years/2030", Map.of(
                "notice", "测试用：只有元旦", "holidays", List.of(Map.of("name", "元旦", "from", "2030-01-01",
                        "to", "2030-01-01"))));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo("holidays");
        assertThat(response.json().get("detail").asText()).contains("春节").contains("国庆节").contains("partial");
        assertThat(deadlines.coveredYears()).doesNotContain(2030);
    }

    @Test
    void localRestDaysCountForTheirAgencyOnly() {
        // 2026-03-09 is a Monday; one working day after Friday 2026-03-06
        String path = "/api/calendar/local-days/xining/2026-03-09";
        Map<String, Object> body = Map.of("name", "测试用地方节日", "source", "测试：某自治县人民政府放假通知");
        assertThat(api().exchange("zhangwei", HttpMethod.PUT, path, body).status()).isEqualTo(403);
        assertThat(api().exchange("zhaomin", HttpMethod.PUT, "/api/calendar/local-days/haidong/2026-03-09", body)
                .status()).as("a head of another agency").isEqualTo(403);
        var missingSource = api().exchange("zhaomin", HttpMethod.PUT, path, Map.of("name", "测试用地方节日"));
        assertThat(missingSource.status()).isEqualTo(400);
        assertThat(missingSource.json().get("field").asText()).isEqualTo("source");
        try {
            var saved = api().exchange("zhaomin", HttpMethod.PUT, path, body);
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            var xining = api().get("zhangwei", "/api/calendar/deadline?from=2026-03-06&workdays=1").json();
            assertThat(xining.get("due").asText()).isEqualTo("2026-03-10");
            assertThat(xining.get("rule").asText()).contains("测试用地方节日");
            var haidong = api().get("zhoujie", "/api/calendar/deadline?from=2026-03-06&workdays=1").json();
            assertThat(haidong.get("due").asText()).isEqualTo("2026-03-09");
            assertThat(api().get("zhangwei", "/api/calendar/local-days").json().findValuesAsText("source"))
                    .contains("测试：某自治县人民政府放假通知");
        } finally {
            assertThat(api().exchange("admin", HttpMethod.DELETE, path, null).status()).isEqualTo(204);
        }
        assertThat(api().get("zhangwei", "/api/calendar/deadline?from=2026-03-06&workdays=1").json().get("due")
                .asText()).isEqualTo("2026-03-09");
    }

    @Test
    void provisionalDeadlineInTheDesignShape() {
        var party = api().get("zhangwei", "/api/calendar/deadline?from=2026-12-28&workdays=5&protects=party").json();
        var agency = api().get("zhangwei", "/api/calendar/deadline?from=2026-12-28&workdays=5").json();
        if (deadlines.coveredYears().contains(2027)) {
            return; // another test entered 2027 just now; the shape of a loaded year is checked above
        }
        assertThat(party.get("provisional").asBoolean()).isTrue();
        assertThat(party.get("due").asText()).isEqualTo(party.get("latest").asText());
        assertThat(agency.get("due").asText()).isEqualTo(agency.get("earliest").asText());
        assertThat(party.get("rule").asText()).contains("暂定（2027年放假安排尚未载入）");
        var years = api().get("zhangwei", "/api/calendar/years").json();
        assertThat(years.toString()).contains("\"status\":\"PROVISIONAL\"").contains("\"status\":\"NOTICE\"");
        assertThat(api().get("zhangwei", "/api/calendar/deadline?from=2026-12-28&workdays=5&protects=police")
                .json().get("field").asText()).isEqualTo("protects");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"holidays":[{"name":"元旦","from":"2091-01-01","to":"2091-01-01"}]}                        | notice
            {"notice":"x","holidays":[]}                                                            | holidays
            {"notice":"x","holidays":[{"name":"元旦","from":"2091-01-01","to":"2091-01-01"}],"workdays":[{"date":"2091-01-04"}]} | workdays[0].date
            {"notice":"x","holidays":[{"name":"元旦","from":"2091-13-01","to":"2091-01-01"}]}             | holidays[0].from
            {"notice":"x","holidays":[{"name":"元旦","from":"2090-12-31","to":"2091-01-01"}]}             | holidays[0].from
            {"notice":"x","holidays":[null]}                                                        | holidays[0]
            {"notice":"x","holidays":[{"name":"元旦","from":"2091-01-01","to":"2091-01-01"}],"workdays":[null]} | workdays[0]
            """)
    void invalidYearsAre400NamingTheField(String body, String field) {
        // 2091-01-04 is a Thursday: not a possible make-up day; 2090-12-31 lies in the year before
        var response = api().exchange("admin", HttpMethod.PUT, ADMIN_YEAR_PATH, body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo(field);
        assertThat(api().get("admin", ADMIN_YEAR_PATH).status()).isEqualTo(404);
    }

    @Test
    void healthHasTheStatutoryCalendarComponent() {
        var health = api().get("admin", "/actuator/health");
        // 503 only once today's year is missing from the calendar (the component is then DOWN)
        assertThat(health.status()).as(health.body()).isIn(200, 503);
        var component = health.json().at("/components/statutoryCalendar");
        assertThat(component.get("status").asText()).isIn("UP", "WARNING", "DOWN");
        assertThat(component.at("/details/coveredYears").toString()).contains("2024", "2025", "2026");
    }
}
