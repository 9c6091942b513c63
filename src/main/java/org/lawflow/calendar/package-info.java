/**
 * The statutory calendar (法定期间): Chinese statutory holidays and make-up working days (调休) per year, and the
 * one deadline service of LawFlow, bean {@code deadlines} ({@link org.lawflow.calendar.StatutoryDeadlines}):
 * working days under 行政处罚法第八十五条, calendar days under 民事诉讼法第八十五条, hours. A deadline that
 * reaches a year the calendar does not know is an error ({@link org.lawflow.calendar.CalendarNotCoveredException}),
 * never a weekend-only guess.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "system"})
package org.lawflow.calendar;
