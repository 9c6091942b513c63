package org.lawflow.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lawflow.identity.UserNames;

/** The form headers' {@code display} values: China time, names for ids, Chinese labels for codes. */
class DisplayValuesTest {

    private final UserNames names = mock(UserNames.class);
    private final DisplayValues display = new DisplayValues(names);

    @Test
    void datesTimesCodesAndPeopleReadAsPeopleReadThem() {
        when(names.list("liqiang,zhangwei")).thenReturn("李强、张伟");
        // a Date variable as Camunda's REST API writes it, an instant, and a datetime field's local value
        assertThat(display.text("hearingAt", "2026-12-15T09:30:00.000+0800")).isEqualTo("2026年12月15日 09:30");
        assertThat(display.text("hearingAt", "2026-12-15T01:30:00Z")).isEqualTo("2026年12月15日 09:30");
        assertThat(display.text("hearingAt", "2026-12-15T09:30")).isEqualTo("2026年12月15日 09:30");
        assertThat(display.text("filedOn", "2026-12-11")).isEqualTo("2026年12月11日（星期五）");
        // a day kept as its last moment (the earliest hearing day)
        assertThat(display.text("earliestHearingDate", "2026-12-16T23:59:59.000+0800")).isEqualTo("2026年12月16日（星期三）");
        assertThat(display.text("hearingOutcome", "HELD")).isEqualTo("已举行听证");
        assertThat(display.text("hearingOutcome", "NONE")).isEqualTo("未举行听证");
        assertThat(display.text("reviewOpinion", "APPROVE")).isEqualTo("同意");
        assertThat(display.text("caseOfficers", "liqiang,zhangwei")).isEqualTo("李强、张伟");
        assertThat(display.text("hearingPublic", true)).isEqualTo("是");
        assertThat(display.text("proposedFineAmount", 30000.0)).isEqualTo("30000");
        assertThat(display.text("caseCause", "未取得道路运输经营许可")).isEqualTo("未取得道路运输经营许可");
    }

    @Test
    void everyVariableWithAValueIsShownAndEmptyOnesAreLeftOut() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("caseNo", "宁交执罚〔2026〕1号");
        values.put("rescheduleReason", " ");
        values.put("headDecision", "PENALTY");
        assertThat(display.of(values)).containsExactly(Map.entry("caseNo", "宁交执罚〔2026〕1号"),
                Map.entry("headDecision", "给予行政处罚"));
    }
}
