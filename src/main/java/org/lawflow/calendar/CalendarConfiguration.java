package org.lawflow.calendar;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Bean {@code deadlines}: at start-up the data file's years that the database lacks are stored, then the
 * calendar is read from the database (which the administrator may have extended or corrected). On the test
 * classpath the "data file" includes the synthetic years of a {@link CalendarSupplement}.
 */
@Configuration
class CalendarConfiguration {

    @Bean("deadlines")
    StatutoryDeadlines deadlines(CalendarStore store, Environment environment,
            @Value("${lawflow.zone:Asia/Shanghai}") String zone) {
        store.importMissing(CalendarDataFile.load());
        ZoneId zoneId = ZoneId.of(zone);
        return new StatutoryDeadlines(store.load(), periodAmounts(environment), zoneId,
                org.lawflow.system.ChinaTime.CLOCK.withZone(zoneId));
    }

    /** {@code lawflow.periods.<NAME>=<amount>}; an unknown name or an amount out of range stops the start. */
    static Map<StatutoryPeriod, Integer> periodAmounts(Environment environment) {
        Map<String, String> configured = Binder.get(environment)
                .bind("lawflow.periods", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        Map<StatutoryPeriod, Integer> amounts = new EnumMap<>(StatutoryPeriod.class);
        configured.forEach((key, value) -> {
            String name = key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
            StatutoryPeriod period;
            try {
                period = StatutoryPeriod.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("lawflow.periods." + key + ": unknown statutory period; known: "
                        + java.util.List.of(StatutoryPeriod.values()), e);
            }
            int amount;
            try {
                amount = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("lawflow.periods." + key + " must be a whole number: " + value, e);
            }
            if (amount < 1 || amount > StatutoryDeadlines.MAX_AMOUNT) {
                throw new IllegalStateException("lawflow.periods." + key + " must be between 1 and "
                        + StatutoryDeadlines.MAX_AMOUNT + ": " + value);
            }
            amounts.put(period, amount);
        });
        return amounts;
    }
}
