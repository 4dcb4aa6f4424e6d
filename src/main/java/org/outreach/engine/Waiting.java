package org.outreach.engine;

import java.time.Instant;
import java.time.ZoneId;

import org.outreach.campaign.Limits;

/**
 * Messages of one campaign that were due but did not go out in a round, and why: so the organizer is never left
 * to guess whether the daemon is stuck or simply outside business hours.
 *
 * @param limits the limits the sender mailbox obeys (the strictest of its campaigns)
 * @param until  the first time a message may go; null for a paused campaign, which waits for a person
 * @param zone   the campaign's send-window time zone, in which {@code until} means something to the organizer
 */
public record Waiting(String campaign, int messages, Reason reason, String sender, Limits limits, Instant until,
                      ZoneId zone) {

    public enum Reason { WINDOW_CLOSED, DAILY_CAP, HOURLY_CAP, MIN_GAP, PAUSED }
}
