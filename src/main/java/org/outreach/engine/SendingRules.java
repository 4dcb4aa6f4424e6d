package org.outreach.engine;

import org.outreach.campaign.WindowText;
import org.outreach.campaign.DelayText;
import org.outreach.campaign.Limits;
import org.outreach.campaign.SendWindow;

/** A campaign's limits and send window in words, as the launch plan, status, the review page and the warnings show them. */
public final class SendingRules {

    private SendingRules() {
    }

    /** "50 a day, 10 an hour, at least 2m apart; Mon–Fri 09:00–17:00 America/Chicago". */
    public static String of(Limits limits, SendWindow window) {
        return of(limits) + "; " + window(window);
    }

    /**
     * The limits a campaign sends under, its mailbox's, in its own window: "40 a day, 10 an hour; Mon–Fri 09:00–17:00
     * America/Chicago; the strictest of the campaigns of maya@example.org" when another campaign's differ, so
     * nobody takes them for the campaign file's own.
     */
    public static String of(MailboxLimits mailbox, SendWindow window) {
        return of(mailbox.limits(), window) + (mailbox.disagree() ? "; the strictest of the campaigns of " + mailbox.sender() : "");
    }

    /** "50 a day, 10 an hour, at least 2m apart": limits alone, where no one window applies (a mailbox's). */
    public static String of(Limits limits) {
        return limits.perDay() + " a day, " + limits.perHour() + " an hour"
                + (limits.minGap().isZero() ? "" : ", at least " + DelayText.of(limits.minGap()) + " apart");
    }

    private static String window(SendWindow window) {
        return WindowText.of(window);
    }
}
