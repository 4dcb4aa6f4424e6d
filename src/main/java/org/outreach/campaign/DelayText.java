package org.outreach.campaign;

import java.time.Duration;

/** A delay written back the way campaign files write it: 4d, 2h, 3m, 30s. */
public final class DelayText {

    private DelayText() {
    }

    public static String of(Duration delay) {
        long seconds = delay.toSeconds();
        long[] sizes = {7 * 86_400, 86_400, 3_600, 60};
        String[] units = {"w", "d", "h", "m"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i] && seconds % sizes[i] == 0) {
                return seconds / sizes[i] + units[i];
            }
        }
        return seconds + "s";
    }
}
