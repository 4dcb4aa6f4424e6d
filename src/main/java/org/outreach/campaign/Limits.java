package org.outreach.campaign;

import java.time.Duration;

/**
 * How fast one sender mailbox may send, counted on confirmed sends and shared by every campaign of that mailbox.
 *
 * @param perDay  at most this many sends per calendar day of the send window's time zone
 * @param perHour at most this many sends per clock hour of that time zone
 * @param minGap  at least this long between two sends
 */
public record Limits(int perDay, int perHour, Duration minGap) {

    public static final int DEFAULT_PER_DAY = 50;
    public static final int DEFAULT_PER_HOUR = 10;

    public static Limits defaults() {
        return new Limits(DEFAULT_PER_DAY, DEFAULT_PER_HOUR, Duration.ZERO);
    }
}
