package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

import org.junit.jupiter.api.Test;

/** People read China time, whatever the server's zone and whatever type the value has. */
class ChinaTimeFormatTest {

    private static final Instant LAST_MINUTE = OffsetDateTime.parse("2026-12-11T23:59:59+08:00").toInstant();

    @Test
    void momentsInChinaTime() {
        assertThat(ChinaTimeFormat.dateTime(Date.from(LAST_MINUTE))).isEqualTo("2026年12月11日 23:59");
        assertThat(ChinaTimeFormat.dateTime(LAST_MINUTE.atOffset(ZoneOffset.UTC))).isEqualTo("2026年12月11日 23:59");
        assertThat(ChinaTimeFormat.dateTime("2026-12-11T09:05:00Z")).isEqualTo("2026年12月11日 17:05");
        assertThat(ChinaTimeFormat.dateTime("2026-12-11T17:05")).isEqualTo("2026年12月11日 17:05");
        assertThat(ChinaTimeFormat.date(Date.from(OffsetDateTime.parse("2026-12-12T00:30:00+08:00").toInstant())))
                .isEqualTo("2026年12月12日（星期六）");
        assertThat(ChinaTimeFormat.mailDate(LAST_MINUTE)).isEqualTo("Fri, 11 Dec 2026 23:59:59 +0800");
    }

    @Test
    void datesWithTheWeekdayDocumentsWithout() {
        assertThat(ChinaTimeFormat.date(LocalDate.of(2026, 12, 11))).isEqualTo("2026年12月11日（星期五）");
        assertThat(ChinaTimeFormat.date("2026-12-11")).isEqualTo("2026年12月11日（星期五）");
        assertThat(ChinaTimeFormat.dateTime(LocalDate.of(2026, 12, 11))).isEqualTo("2026年12月11日（星期五）");
        assertThat(ChinaTimeFormat.documentDate(LocalDate.of(2026, 12, 1))).isEqualTo("2026年12月1日");
        assertThat(ChinaTimeFormat.date(null)).isEqualTo("—");
        assertThat(ChinaTimeFormat.date("不详")).isEqualTo("不详");
    }
}
