package org.lawflow.calendar;

import java.util.List;
import java.util.Set;

/**
 * Years to add where the bundled data file has none, found with {@link java.util.ServiceLoader} on the classpath.
 * Only the test sources provide one (synthetic weekend-only years, so that tests and the benchmark, which start flows
 * today, do not run off the end of the data file); the product jar has none, so in production every year still comes
 * from the data file or from the administrator. A class path entry, not a property: nothing in a production
 * configuration can switch it on, and it reaches every JVM that runs on the test classpath, with or without Spring.
 * The product, not the provider, makes sure a supplied year never replaces one of the file or of the database.
 * Public only because {@code ServiceLoader} requires it.
 */
public interface CalendarSupplement {

    /** Years for some of the years not in {@code covered} (the data file's); others are ignored. */
    List<CalendarYear> years(Set<Integer> covered);
}
