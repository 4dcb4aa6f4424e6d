package org.outreach.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try again after a temporary failure: after {@code first}, then twice as long each time up to
 * {@code longest}; and when to give up, {@code giveUpAfter} the first attempt.
 */
public record RetryPolicy(Duration first, Duration longest, Duration giveUpAfter) {

    /** Retries after 2 minutes, doubling up to 2 hours between tries, until {@code giveUpAfter}. */
    public static RetryPolicy givingUpAfter(Duration giveUpAfter) {
        return new RetryPolicy(Duration.ofMinutes(2), Duration.ofHours(2), giveUpAfter);
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed attempts. */
    public Duration delayAfter(int attempt) {
        Duration delay = first;
        for (int i = 1; i < attempt && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longest) > 0 ? longest : delay;
    }

    public boolean givesUp(Instant firstAttempt, Instant now) {
        return !now.isBefore(firstAttempt.plus(giveUpAfter));
    }
}
