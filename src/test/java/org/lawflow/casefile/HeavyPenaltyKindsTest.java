package org.lawflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The agency's list of heavy penalty kinds (lawflow.hearing.heavy-penalty-kinds) can add, never take away. */
class HeavyPenaltyKindsTest {

    @AfterEach
    void restoreDefault() {
        PenaltyKind.useHeavyKinds(PenaltyKind.defaultHeavyKinds());
    }

    @Test
    void unsetMeansTheLawsKindsAndASuspendedLicence() {
        assertThat(HeavyPenaltyKinds.parse(List.of())).isEqualTo(PenaltyKind.defaultHeavyKinds())
                .contains(PenaltyKind.SUSPEND_LICENSE, PenaltyKind.REVOKE_LICENSE)
                .doesNotContain(PenaltyKind.FINE, PenaltyKind.WARNING);
        assertThat(HeavyPenaltyKinds.parse(List.of(" "))).isEqualTo(PenaltyKind.defaultHeavyKinds());
    }

    @Test
    void anAgencyMayAddAKind() {
        var kinds = EnumSet.copyOf(PenaltyKind.defaultHeavyKinds());
        kinds.add(PenaltyKind.CONFISCATE_ILLEGAL_PROPERTY);
        new HeavyPenaltyKinds(kinds.stream().map(Enum::name).toList());
        assertThat(PenaltyKind.CONFISCATE_ILLEGAL_PROPERTY.heavy()).isTrue();
    }

    @Test
    void aTypoOrAListWithoutAKindTheLawNamesStopsTheStart() {
        assertThatThrownBy(() -> HeavyPenaltyKinds.parse(List.of("REVOKE_LICENCE")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown penalty kind REVOKE_LICENCE");
        assertThatThrownBy(() -> new HeavyPenaltyKinds(List.of("SUSPEND_LICENSE")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("不能移除");
        assertThat(PenaltyKind.REVOKE_LICENSE.heavy()).as("unchanged after the refusal").isTrue();
    }

    @Test
    void anAgencyMayLeaveOutASuspendedLicenceWhichTheLawDoesNotName() {
        var kinds = EnumSet.copyOf(PenaltyKind.defaultHeavyKinds());
        kinds.remove(PenaltyKind.SUSPEND_LICENSE);
        new HeavyPenaltyKinds(kinds.stream().map(Enum::name).toList());
        assertThat(PenaltyKind.SUSPEND_LICENSE.heavy()).isFalse();
    }
}
