package org.outreach.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.outreach.campaign.Limits;
import org.outreach.campaign.SendWindow;

/**
 * Gives out send times for one sender mailbox: inside the send window, at most {@code per_hour} in a clock
 * hour and {@code per_day} in a day (both in the window's time zone), at least {@code min_gap} apart.
 * Sends the mailbox already made count against the limits.
 */
public final class Pacer {

    private final Limits limits;
    private final SendWindow window;
    private final Map<LocalDate, Integer> perDay = new HashMap<>();
    private final Map<ZonedDateTime, Integer> perHour = new HashMap<>();
    private Instant last = Instant.MIN;

    public Pacer(Limits limits, SendWindow window, List<Instant> earlierSends) {
        this.limits = limits;
        this.window = window;
        earlierSends.forEach(this::record);
    }

    /** The first time at or after {@code earliest} that the limits allow, and counts a send then. */
    public Instant next(Instant earliest) {
        Instant t = earliest;
        if (last != Instant.MIN && t.isBefore(last.plus(limits.minGap()))) {
            t = last.plus(limits.minGap());
        }
        while (true) {
            t = window.nextOpen(t);
            ZonedDateTime local = t.atZone(window.zone());
            if (perDay.getOrDefault(local.toLocalDate(), 0) >= limits.perDay()) {
                t = local.toLocalDate().plusDays(1).atStartOfDay(window.zone()).toInstant();
            } else if (perHour.getOrDefault(hour(t), 0) >= limits.perHour()) {
                t = hour(t).plusHours(1).toInstant();
            } else {
                record(t);
                return t;
            }
        }
    }

    private void record(Instant sent) {
        perDay.merge(sent.atZone(window.zone()).toLocalDate(), 1, Integer::sum);
        perHour.merge(hour(sent), 1, Integer::sum);
        if (sent.isAfter(last)) {
            last = sent;
        }
    }

    private ZonedDateTime hour(Instant t) {
        return t.atZone(window.zone()).truncatedTo(ChronoUnit.HOURS);
    }

    /** How far back earlier sends can still count against the limits. */
    public static Duration lookBack() {
        return Duration.ofDays(2);
    }
}
