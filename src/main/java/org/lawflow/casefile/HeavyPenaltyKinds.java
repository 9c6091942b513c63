package org.lawflow.casefile;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The agency's list of heavy penalty kinds (行政处罚法第六十三条第一款第三至五项: the law's own and its "其他较重的行政处罚"),
 * {@code lawflow.hearing.heavy-penalty-kinds}, comma-separated {@link PenaltyKind} names; blank or unset = the
 * default ({@link PenaltyKind#defaultHeavyKinds()}). Fails closed: an unknown name or a list without a kind the law
 * names stops the start, so a typo can never take a party's hearing right away.
 */
@Component
class HeavyPenaltyKinds {

    HeavyPenaltyKinds(@Value("${lawflow.hearing.heavy-penalty-kinds:}") List<String> configured) {
        PenaltyKind.useHeavyKinds(parse(configured));
    }

    static Set<PenaltyKind> parse(List<String> configured) {
        List<String> names = configured == null ? List.of()
                : configured.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            return PenaltyKind.defaultHeavyKinds();
        }
        Set<PenaltyKind> kinds = EnumSet.noneOf(PenaltyKind.class);
        for (String name : names) {
            try {
                kinds.add(PenaltyKind.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("lawflow.hearing.heavy-penalty-kinds: unknown penalty kind " + name
                        + "; known: " + List.of(PenaltyKind.values()), e);
            }
        }
        return kinds;
    }
}
