package org.outreach.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.outreach.campaign.TimeText;

/** Times as people read them, in the time zone that matters for them (the send window's), named ({@link TimeText}). */
final class Times {

    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SLOT_SECONDS = DateTimeFormatter.ofPattern("EEE d MMM HH:mm:ss", Locale.ENGLISH);

    private Times() {
    }

    /** For a table whose header names the zone: {@code Tue 1 Dec 2026 09:00}. */
    static String format(Instant instant, ZoneId zone) {
        return TimeText.of(instant, zone);
    }

    /** For a sentence: {@code Tue 1 Dec 2026 09:00 America/Chicago}. */
    static String named(Instant instant, ZoneId zone) {
        return TimeText.named(instant, zone);
    }

    /** A table heading that names the zone its times are in: {@code WHEN (America/Chicago)}. */
    static String heading(String label, ZoneId zone) {
        return label + " (" + zone.getId() + ")";
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
