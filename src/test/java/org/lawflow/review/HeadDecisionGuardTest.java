package org.lawflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lawflow.casefile.Cases;
import org.lawflow.documents.SampleCases;
import org.lawflow.system.InvalidInputException;

/**
 * Issue #28, item 2: a blank 决定罚款金额 silently restored the proposed fine. A fine now needs its amount; the refusal
 * names the field in Chinese.
 */
class HeadDecisionGuardTest {

    final Cases cases = mock(Cases.class);
    final PendingTransferCheck transfers = mock(PendingTransferCheck.class);
    final HeadDecisionGuard guard = new HeadDecisionGuard(cases, transfers);
    final Map<String, Object> variables = new HashMap<>();

    DelegateTask task() {
        var c = SampleCases.citizenCase(); // 罚款30000元
        when(cases.findById(c.id())).thenReturn(Optional.of(c));
        variables.putAll(Map.of("caseId", c.id().toString(), "headDecision", "PENALTY",
                "decisionOpinion", "给予罚款的行政处罚。", "legalReviewRequired", false));
        DelegateTask task = mock(DelegateTask.class);
        when(task.getVariable(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        return task;
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void aFineWithoutItsAmountIsRefusedNamingTheField(String blank) {
        DelegateTask task = task();
        variables.put("decidedFineAmount", blank);
        assertThatThrownBy(() -> guard.notify(task)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.getMessage()).contains("决定罚款金额");
            assertThat(e.field()).isEqualTo("decidedFineAmount");
        });
    }

    @Test
    void theAmountMayBeLowerButNotHigherThanTheProposal() {
        DelegateTask task = task();
        variables.put("decidedFineAmount", 20000);
        assertThatCode(() -> guard.notify(task)).doesNotThrowAnyException();
        variables.put("decidedFineAmount", 30000.01);
        assertThatThrownBy(() -> guard.notify(task)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("不得高于");
    }

    @Test
    void noPenaltyNeedsNoAmount() {
        DelegateTask task = task();
        variables.put("headDecision", "NO_PENALTY");
        assertThatCode(() -> guard.notify(task)).doesNotThrowAnyException();
    }
}
