package org.outreach.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When a campaign may send: on these days, between these hours, in the recipients' time zone.
 * Computed on local dates and times, so daylight-saving changes move the window with the clock on the wall.
 */
public record SendWindow(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, ZoneId zone) {

    public static SendWindow always(ZoneId zone) {
        return new SendWindow(Set.of(DayOfWeek.values()), LocalTime.MIN, LocalTime.MAX, zone);
    }

    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
    }

    /** The first instant at or after {@code from} when the window is open. */
    public Instant nextOpen(Instant from) {
        if (isOpen(from)) {
            return from;
        }
        LocalDate date = from.atZone(zone).toLocalDate();
        for (int i = 0; i <= 7; i++) {
            LocalDate day = date.plusDays(i);
            Instant opening = day.atTime(opens).atZone(zone).toInstant();
            if (days.contains(day.getDayOfWeek()) && opening.isAfter(from)) {
                return opening;
            }
        }
        throw new IllegalStateException("bug: a send window with days " + days + " never opens");
    }
}
