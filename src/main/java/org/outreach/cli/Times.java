package org.outreach.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as people read them, in the time zone that matters for them (the send window's). */
final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private Times() {
    }

    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SLOT_SECONDS = DateTimeFormatter.ofPattern("EEE d MMM HH:mm:ss", Locale.ENGLISH);

    static String format(Instant instant, ZoneId zone) {
        return FORMAT.format(instant.atZone(zone));
    }

    /**
     * A moment in the coming days, with the zone named: "Mon 7 Dec 09:00 America/Chicago". Seconds only when
     * there are some (a gap between sends ends at any second), so that "09:02" never promises a send too early.
     */
    static String slot(Instant instant, ZoneId zone) {
        java.time.ZonedDateTime local = instant.atZone(zone);
        return (local.getSecond() == 0 && local.getNano() == 0 ? SLOT : SLOT_SECONDS).format(local) + " " + zone.getId();
    }
}
