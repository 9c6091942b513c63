package org.lawflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/** The tests' synthetic calendar years: only where the data file and the database have none; not in the product. */
class SyntheticTestYearsTest {

    private static final int THIS_YEAR = LocalDate.now(StatutoryDeadlines.DEFAULT_ZONE).getYear();

    @Test
    void weekendsAndNewYearOnlyForTheYearsNotCovered() {
        var on = new SyntheticTestYears(Clock.fixed(LocalDate.of(2026, 12, 20).atStartOfDay().toInstant(ZoneOffset.UTC),
                StatutoryDeadlines.DEFAULT_ZONE));
        List<CalendarYear> years = on.years(Set.of(2024, 2025, 2026));
        assertThat(years).extracting(CalendarYear::year).containsExactly(2027, 2028);
        assertThat(on.years(Set.of(2026, 2028))).extracting(CalendarYear::year).containsExactly(2027);
        CalendarYear y2027 = years.get(0).validated();
        assertThat(y2027.notice()).startsWith("测试日历（非官方）：2027年未载入国务院办公厅通知");
        assertThat(y2027.restDays()).containsOnlyKeys(LocalDate.of(2027, 1, 1));
        assertThat(y2027.makeUpDays()).isEmpty();
        // Thursday 2026-12-31, Friday 01-01 (元旦), the weekend, Monday 2027-01-04
        List<CalendarYear> known = new ArrayList<>(CalendarDataFile.load());
        known.addAll(years);
        var deadlines = new StatutoryDeadlines(new StatutoryCalendar(known), Map.of(), StatutoryDeadlines.DEFAULT_ZONE,
                Clock.system(StatutoryDeadlines.DEFAULT_ZONE));
        assertThat(deadlines.workdays(LocalDate.of(2026, 12, 30), 2).due()).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void theDataFileYearsStayAsTheyAre() {
        List<CalendarYear> file = CalendarDataFile.load();
        List<CalendarYear> supplemented = CalendarDataFile.loadWithSupplements();
        assertThat(supplemented).containsAll(file);
        List<CalendarYear> added = new ArrayList<>(supplemented);
        added.removeAll(file);
        List<Integer> fileYears = file.stream().map(CalendarYear::year).toList();
        List<Integer> expected = new ArrayList<>();
        for (int year = THIS_YEAR; year <= THIS_YEAR + SyntheticTestYears.YEARS_AHEAD; year++) {
            if (!fileYears.contains(year)) {
                expected.add(year);
            }
        }
        assertThat(added).extracting(CalendarYear::year).containsExactlyElementsOf(expected);
        assertThat(added).allSatisfy(y -> assertThat(y.notice()).contains("测试日历（非官方）", "仅供自动化测试"));
    }

    @Test
    void aYearInTheDatabaseIsNeverReplaced() {
        var db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:synthetic-years-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").table("lawflow_schema_history")
                .load().migrate();
        var store = new CalendarStore(JdbcClient.create(db),
                new TransactionTemplate(new DataSourceTransactionManager(db)));
        int next = THIS_YEAR + 1;
        LocalDate springFestival = LocalDate.of(next, 2, 10);
        store.save(new CalendarYear(next, "管理员录入的" + next + "年通知", List.of(
                new CalendarYear.HolidayRange("元旦", LocalDate.of(next, 1, 1), LocalDate.of(next, 1, 1)),
                new CalendarYear.HolidayRange("春节", springFestival, springFestival)), List.of()), "admin");

        // the start-up path of the product: import what the database lacks, then read the database
        var deadlines = new CalendarConfiguration().deadlines(store, new MockEnvironment(), "Asia/Shanghai");

        StatutoryCalendar calendar = deadlines.calendar();
        assertThat(calendar.year(next).orElseThrow().notice()).isEqualTo("管理员录入的" + next + "年通知");
        assertThat(calendar.restDayName(springFestival)).isEqualTo("春节");
        for (CalendarYear official : CalendarDataFile.load()) {
            assertThat(calendar.year(official.year()).orElseThrow().notice()).isEqualTo(official.notice());
        }
        assertThat(deadlines.coveredYears()).contains(THIS_YEAR, next, THIS_YEAR + 2);
    }

    @Test
    void theProductClasspathAloneHasNoSyntheticYears() throws Exception {
        // the class path of this JVM without the test classes: what the product jar and spring-boot:run see
        Path testClasses = Path.of(SyntheticTestYears.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        List<URL> product = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!Path.of(entry).toAbsolutePath().equals(testClasses.toAbsolutePath())) {
                product.add(Path.of(entry).toUri().toURL());
            }
        }
        try (var loader = new URLClassLoader(product.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> type = loader.loadClass(StatutoryDeadlines.class.getName());
            Object onFileOnly = type.getMethod("fromDataFile").invoke(null);
            assertThat(type.getMethod("coveredYears").invoke(onFileOnly))
                    .isEqualTo(CalendarDataFile.load().stream().map(CalendarYear::year).toList());
        }
    }
}
