package org.outreach.campaign;

import java.time.Duration;

/**
 * One email of the sequence. {@code after} is the delay after the previous step was sent (zero for the first);
 * {@code number} counts from 1.
 */
public record Step(String name, int number, Duration after) {

    public boolean isFirst() {
        return number == 1;
    }
}
