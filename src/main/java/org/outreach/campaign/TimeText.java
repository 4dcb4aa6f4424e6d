package org.outreach.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A moment as people read it, in the time zone that matters for it (the send window's): one form for the command
 * line, the warnings and the review page, so a time reads the same wherever the organizer meets it.
 */
public final class TimeText {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private TimeText() {
    }

    /** For a table whose header names the zone: {@code Tue 1 Dec 2026 09:00}. */
    public static String of(Instant instant, ZoneId zone) {
        return FORMAT.format(instant.atZone(zone));
    }

    /** For a sentence: {@code Tue 1 Dec 2026 09:00 America/Chicago}. */
    public static String named(Instant instant, ZoneId zone) {
        return of(instant, zone) + " " + zone.getId();
    }
}
