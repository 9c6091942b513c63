package org.lawflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Dates in documents are days in China: a moment given in UTC (form-js datetime) is not cut at its UTC day. */
class TemplateValuesTest {

    @Test
    void aMomentInUtcIsItsDayInChina() {
        var v = new TemplateValues(Map.of("servedOn", "2026-12-10T16:30:00Z", "decidedOn", "2026-12-10",
                "heardAt", "2026-12-10T09:00", "note", "2026-12-10 上午"));
        assertThat(v.date("servedOn")).isEqualTo("2026年12月11日");
        assertThat(v.date("decidedOn")).isEqualTo("2026年12月10日");
        assertThat(v.date("heardAt")).isEqualTo("2026年12月10日");
        assertThat(v.date("note")).isEqualTo("2026年12月10日");
    }
}
