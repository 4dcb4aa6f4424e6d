package org.outreach.engine;

import org.outreach.campaign.WindowText;
import org.outreach.campaign.DelayText;
import org.outreach.campaign.Limits;
import org.outreach.campaign.SendWindow;

/** A campaign's limits and send window in words, as the launch plan and the warnings show them. */
public final class SendingRules {

    private SendingRules() {
    }

    /** "50 a day, 10 an hour, at least 2m apart; Mon–Fri 09:00–17:00 America/Chicago". */
    public static String of(Limits limits, SendWindow window) {
        return limits(limits) + "; " + window(window);
    }

    private static String limits(Limits limits) {
        return limits.perDay() + " a day, " + limits.perHour() + " an hour"
                + (limits.minGap().isZero() ? "" : ", at least " + DelayText.of(limits.minGap()) + " apart");
    }

    private static String window(SendWindow window) {
        return WindowText.of(window);
    }
}
