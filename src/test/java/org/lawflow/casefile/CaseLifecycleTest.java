package org.lawflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;

import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.lawflow.casefile.CaseLifecycle.Event;
import org.lawflow.casefile.CaseLifecycle.Transition;
import org.lawflow.system.ConflictException;

class CaseLifecycleTest {

    private final CaseRepository cases = mock(CaseRepository.class);
    private final CaseLifecycle lifecycle = new CaseLifecycle(cases);
    private final UUID id = UUID.randomUUID();

    @Test
    void eachStatusAndEventHasAtMostOneTarget() {
        var seen = new HashSet<String>();
        for (Transition t : CaseLifecycle.TRANSITIONS) {
            assertThat(seen.add(t.from() + "/" + t.event())).as("duplicate row %s", t).isTrue();
        }
    }

    @Test
    void everyEventHasAPlainPathAndNoneLeavesNotFiled() {
        for (Event e : Event.values()) {
            assertThat(CaseLifecycle.TRANSITIONS).as(e.label())
                    .anyMatch(t -> t.event() == e && t.note() == null);
        }
        assertThat(CaseLifecycle.TRANSITIONS).noneMatch(t -> t.from() == CaseStatus.NOT_FILED);
    }

    @Test
    void aRegisteredCaseMovesOnlyThroughTheFilingDecision() {
        var events = EnumSet.noneOf(Event.class);
        CaseLifecycle.TRANSITIONS.stream().filter(t -> t.from() == CaseStatus.REGISTERED).map(Transition::event)
                .forEach(events::add);
        assertThat(events).containsExactlyInAnyOrder(Event.FILING_APPROVED, Event.FILING_REFUSED);
    }

    @Test
    void writesTheTargetUnderTheRowLock() {
        when(cases.statusOf(id)).thenReturn(Optional.of(CaseStatus.IN_REVIEW));

        lifecycle.decided(id);

        var order = org.mockito.Mockito.inOrder(cases);
        order.verify(cases).lock(id);
        order.verify(cases).statusOf(id);
        order.verify(cases).writeStatus(id, CaseStatus.DECIDED);
    }

    @Test
    void aRowThatKeepsTheStatusWritesNothing() {
        when(cases.statusOf(id)).thenReturn(Optional.of(CaseStatus.IN_REVIEW));

        lifecycle.filingApproved(id);

        verify(cases, never()).writeStatus(any(), any());
    }

    @Test
    void refusesAMoveTheTableDoesNotList() {
        when(cases.statusOf(id)).thenReturn(Optional.of(CaseStatus.CLOSED));

        assertThatThrownBy(() -> lifecycle.decided(id)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("案件当前状态为“已结案”，不能作出行政处罚决定")
                .hasMessageContaining("行政处罚法第五十七条");
        verify(cases, never()).writeStatus(any(), any());
    }

    @Test
    void aNotFiledCaseIsFinal() {
        when(cases.statusOf(id)).thenReturn(Optional.of(CaseStatus.NOT_FILED));

        assertThatThrownBy(() -> lifecycle.reviewStarted(id)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> lifecycle.transferApproved(id)).isInstanceOf(ConflictException.class);
        verify(cases, never()).writeStatus(any(), any());
    }

    @Test
    void onlyTheLifecycleWritesTheStatus() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lawflow");
        var writers = classes.get(CaseRepository.class).getMethodCallsToSelf().stream()
                .filter(call -> call.getTarget().getName().equals("writeStatus"))
                .map(JavaMethodCall::getOriginOwner).map(c -> c.getName()).distinct().toList();

        assertThat(writers).containsExactly(CaseLifecycle.class.getName());
    }
}
