package org.outreach.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

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
    private final boolean jitter;
    private Instant last = Instant.MIN;

    /** A pacer for forecasts: exact gaps. */
    public Pacer(Limits limits, SendWindow window, List<Instant> earlierSends) {
        this(limits, window, earlierSends, false);
    }

    private Pacer(Limits limits, SendWindow window, List<Instant> earlierSends, boolean jitter) {
        this.limits = limits;
        this.window = window;
        this.jitter = jitter;
        earlierSends.forEach(this::record);
    }

    /**
     * A pacer for sending: each gap is {@code min_gap} plus up to half of it again, so sends do not tick like
     * a clock. The extra is drawn from the time of the send before, so every run of the daemon agrees on it.
     */
    public static Pacer forSending(Limits limits, SendWindow window, List<Instant> earlierSends) {
        return new Pacer(limits, window, earlierSends, true);
    }

    /** The first time at or after {@code earliest} that the limits allow, and counts a send then. */
    public Instant next(Instant earliest) {
        Instant t = earliestAllowed(earliest);
        record(t);
        return t;
    }

    /** Why a send now must wait and the first time it may go; empty when a send now is within the limits. */
    public Optional<Hold> hold(Instant now) {
        Instant slot = earliestAllowed(now);
        return slot.equals(now) ? Optional.empty() : Optional.of(new Hold(reasonAt(now), slot));
    }

    /** The first limit that stops a send at {@code now}, in the order a person would look: window, day, hour, gap. */
    private Waiting.Reason reasonAt(Instant now) {
        if (!window.isOpen(now)) {
            return Waiting.Reason.WINDOW_CLOSED;
        }
        if (perDay.getOrDefault(now.atZone(window.zone()).toLocalDate(), 0) >= limits.perDay()) {
            return Waiting.Reason.DAILY_CAP;
        }
        if (perHour.getOrDefault(hour(now), 0) >= limits.perHour()) {
            return Waiting.Reason.HOURLY_CAP;
        }
        return Waiting.Reason.MIN_GAP;
    }

    /** What keeps a send from going now, and when it may. */
    public record Hold(Waiting.Reason reason, Instant until) {
    }

    /**
     * Like {@link #hold(Instant)}, counting {@code inFlight} messages on other connections as sent now: several
     * connections together keep the caps and the gap of one.
     */
    public Optional<Hold> hold(Instant now, int inFlight) {
        if (inFlight == 0) {
            return hold(now);
        }
        Pacer counting = new Pacer(limits, window, List.of(), jitter);
        counting.perDay.putAll(perDay);
        counting.perHour.putAll(perHour);
        counting.last = last;
        for (int i = 0; i < inFlight; i++) {
            counting.record(now);
        }
        return counting.hold(now);
    }

    /** Counts a send that happened. */
    public void sent(Instant at) {
        record(at);
    }

    private Instant earliestAllowed(Instant earliest) {
        Instant t = earliest;
        Instant gapEnds = last == Instant.MIN ? Instant.MIN : last.plus(gap());
        if (t.isBefore(gapEnds)) {
            t = gapEnds;
        }
        while (true) {
            t = window.nextOpen(t);
            ZonedDateTime local = t.atZone(window.zone());
            if (perDay.getOrDefault(local.toLocalDate(), 0) >= limits.perDay()) {
                t = local.toLocalDate().plusDays(1).atStartOfDay(window.zone()).toInstant();
            } else if (perHour.getOrDefault(hour(t), 0) >= limits.perHour()) {
                t = hour(t).plusHours(1).toInstant();
            } else {
                return t;
            }
        }
    }

    private Duration gap() {
        Duration base = limits.minGap();
        if (!jitter || base.isZero()) {
            return base;
        }
        long extraMillis = new SplittableRandom(last.toEpochMilli()).nextLong(base.toMillis() / 2 + 1);
        return base.plusMillis(extraMillis);
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
