package org.lawflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

class ProcessVariablesTest {

    private final VariableScope scope = mock(VariableScope.class);

    @Test
    void textIsStrippedAndBlankIsNullOnlyWhenAsked() {
        when(scope.getVariable("a")).thenReturn("  x ");
        when(scope.getVariable("b")).thenReturn("   ");

        assertThat(ProcessVariables.string(scope, "a")).isEqualTo("x");
        assertThat(ProcessVariables.string(scope, "b")).isEmpty();
        assertThat(ProcessVariables.nonBlank(scope, "b")).isNull();
        assertThat(ProcessVariables.string(scope, "missing")).isNull();
    }

    /** Pickers (taglist) submit Json; the Java API may give a list; the engine REST's clients text with commas. */
    @Test
    void listsFromJsonVariablesJavaListsAndText() {
        when(scope.getVariable("json")).thenReturn(org.camunda.spin.Spin.JSON("[\"zhangwei\",\"liqiang\"]"));
        when(scope.getVariable("jsonText")).thenReturn(" [\"zhangwei\"] ");
        when(scope.getVariable("java")).thenReturn(java.util.List.of("zhangwei", "liqiang"));
        when(scope.getVariable("text")).thenReturn("zhangwei， liqiang、wangfang");
        when(scope.getVariable("object")).thenReturn("{\"a\":1}");

        assertThat(ProcessVariables.list(scope, "json").toString()).isEqualTo("[\"zhangwei\",\"liqiang\"]");
        assertThat(ProcessVariables.list(scope, "jsonText").toString()).isEqualTo("[\"zhangwei\"]");
        assertThat(ProcessVariables.list(scope, "java").toString()).isEqualTo("[\"zhangwei\",\"liqiang\"]");
        assertThat(ProcessVariables.list(scope, "text").toString()).isEqualTo("[\"zhangwei\",\"liqiang\",\"wangfang\"]");
        assertThat(ProcessVariables.list(scope, "missing")).isEmpty();
        assertThatThrownBy(() -> ProcessVariables.list(scope, "object")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("object"));
    }

    @Test
    void numbersFlagsAndIds() {
        UUID id = UUID.randomUUID();
        when(scope.getVariable("fine")).thenReturn(2000L);
        when(scope.getVariable("flag")).thenReturn("true");
        when(scope.getVariable("caseId")).thenReturn(id.toString());

        assertThat(ProcessVariables.decimal(scope, "fine")).isEqualByComparingTo(new BigDecimal("2000"));
        assertThat(ProcessVariables.isTrue(scope, "flag")).isTrue();
        assertThat(ProcessVariables.isTrue(scope, "missing")).isFalse();
        assertThat(ProcessVariables.caseId(scope)).isEqualTo(id);
    }

    @Test
    void aMissingCaseIdIsABug() {
        assertThatThrownBy(() -> ProcessVariables.caseId(scope)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("caseId");
    }

    @Test
    void daysInChinaFromEveryShapeAVariableTakes() {
        // 16:30 UTC is already the next day in China
        assertThat(ProcessVariables.day(Date.from(Instant.parse("2026-11-22T16:30:00Z"))))
                .isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(ProcessVariables.day("2026-11-22T16:30:00Z")).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(ProcessVariables.day("2026-11-22T16:30")).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(ProcessVariables.day(" 2026-11-22 ")).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(ProcessVariables.day(LocalDate.of(2026, 1, 2))).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(ProcessVariables.day(" ")).isNull();
        assertThat(ProcessVariables.day(null)).isNull();
        assertThatThrownBy(() -> ProcessVariables.day("22.11.2026")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void dateTimesWithAZoneAreChinaLocalTime() {
        assertThat(ProcessVariables.dateTime("2026-10-20T01:00:00Z")).isEqualTo(LocalDateTime.of(2026, 10, 20, 9, 0));
        assertThat(ProcessVariables.dateTime("2026-10-20T09:00")).isEqualTo(LocalDateTime.of(2026, 10, 20, 9, 0));
    }
}
