package org.outreach.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * What an auto-reply's return date did to the contact's next follow-up. Told as what actually happened: a hold
 * that moved nothing (the follow-up was due later anyway, or none is left) must not read as a wait.
 *
 * @param back    the last day away, as the auto-reply said
 * @param movedTo when the next follow-up is now due, if the hold moved it
 * @param pending whether a follow-up is still to go at all
 * @param zone    the campaign's time zone, in which the days are named
 */
record FollowUpHold(LocalDate back, Optional<Instant> movedTo, boolean pending, ZoneId zone) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    /** "away until Wed 9 Dec, the next follow-up waits until Thu 10 Dec", or why it does not wait. */
    String effect() {
        String away = "away until " + DAY.format(back);
        return movedTo.map(due -> away + ", the next follow-up waits until " + DAY.format(due.atZone(zone)))
                .orElse(away + (pending ? "; the next follow-up is due after that anyway" : "; no follow-up to hold"));
    }
}
