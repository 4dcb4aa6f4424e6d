package org.outreach.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the demo moves forward by hand, so a day of the daemon's rounds runs in seconds. */
final class SimulatedClock extends Clock {

    private final ZoneId zone;
    private Instant now;

    SimulatedClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SimulatedClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
