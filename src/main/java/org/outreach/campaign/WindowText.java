package org.outreach.campaign;

import java.time.LocalTime;

/** A send window as people say it: "Mon–Fri 09:00–17:00 America/Chicago", "every day, any time, UTC". */
public final class WindowText {

    private WindowText() {
    }

    public static String of(SendWindow window) {
        String days = DaysText.of(window.days());
        // A window without hours runs from midnight to the last instant of the day: "00:00–23:59:59.999999999".
        boolean allDay = window.opens().equals(LocalTime.MIN) && window.closes().equals(LocalTime.MAX);
        return allDay ? days + ", any time, " + window.zone().getId()
                : days + " " + window.opens() + "–" + window.closes() + " " + window.zone().getId();
    }
}
