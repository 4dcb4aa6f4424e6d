package org.outreach.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.outreach.campaign.DelayText;
import org.outreach.campaign.Plural;
import org.outreach.engine.Dispatcher;
import org.outreach.engine.Received;
import org.outreach.engine.ReplyTracker;
import org.outreach.engine.Waiting;

/**
 * A round of the daemon in the organizer's words, one line per fact: what was read, what went out, and why the
 * rest is waiting. {@code daemon --once} prints these lines and the long-running daemon logs them, so both say
 * the same thing the same way.
 */
final class RoundLines {

    private RoundLines() {
    }

    /** "1 message", "2 messages". */
    static String count(int n, String singular) {
        return Plural.of(n, singular);
    }

    static String summary(Dispatcher.Report report, int due) {
        return "%d sent, %d to retry, %d failed, %d unknown (%d %s due).".formatted(report.sent(), report.retrying(),
                report.failed(), report.unknown(), due, due == 1 ? "was" : "were");
    }

    static String recovered(int messages) {
        return messages == 1
                ? "1 message was being sent when the last run stopped: its fate is unknown, see outreach status and outreach resolve"
                : messages + " messages were being sent when the last run stopped: their fate is unknown, see outreach status"
                        + " and outreach resolve";
    }

    /** One line per mailbox read: how many new messages, of which kinds. */
    static String polled(ReplyTracker.Polled polled) {
        ReplyTracker.Report report = polled.report();
        return "Read %s from %s%s%s".formatted(count(report.read(), "new message"), polled.mailbox(),
                report.byKind().isEmpty() ? "" : ": " + report.byKind().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")),
                report.resync() ? " (the server renumbered the folder: read again, nothing counted twice)" : "");
    }

    /** "reply from nadia.haddad@example.edu (local-rse-launch): follow-ups stopped"; a bounce is for its recipient, a colleague's reply for the contact. */
    static String received(Received received) {
        return received.kind() + (received.kind().equals("bounce") ? " for " : " from ") + received.who()
                + received.contact().map(c -> " for " + c).orElse("") + received.campaign().map(c -> " (" + c + ")").orElse("")
                + ": " + received.effect();
    }

    /** "launch: 4 messages wait, window closed until Mon 7 Dec 09:00 America/Chicago". */
    static String waiting(Waiting waiting) {
        return waiting.campaign() + ": " + count(waiting.messages(), "message") + (waiting.messages() == 1 ? " waits, " : " wait, ")
                + why(waiting);
    }

    private static String why(Waiting w) {
        return switch (w.reason()) {
            case PAUSED -> "campaign paused; outreach resume " + w.campaign() + " sends again";
            case WINDOW_CLOSED -> "window closed until " + Times.slot(w.until(), w.zone());
            case DAILY_CAP -> "daily cap of %d reached for %s; next slot %s".formatted(w.limits().perDay(), w.sender(),
                    Times.slot(w.until(), w.zone()));
            case HOURLY_CAP -> "hourly cap of %d reached for %s; next slot %s".formatted(w.limits().perHour(), w.sender(),
                    Times.slot(w.until(), w.zone()));
            case MIN_GAP -> "min_gap of %s between sends from %s; next slot %s".formatted(DelayText.of(w.limits().minGap()),
                    w.sender(), Times.slot(w.until(), w.zone()));
        };
    }

    /** The lines about replies: each mailbox read, then each message that changed something. */
    static List<String> inbound(List<ReplyTracker.Polled> polled) {
        List<String> lines = new ArrayList<>();
        polled.forEach(p -> {
            lines.add(polled(p));
            p.report().received().forEach(r -> lines.add("  " + received(r)));
        });
        return lines;
    }
}
