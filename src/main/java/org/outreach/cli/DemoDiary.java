package org.outreach.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.outreach.engine.Delivery;
import org.outreach.engine.Round;
import org.outreach.engine.Sequence;
import org.outreach.engine.Waiting;

/**
 * The demo's account of the campaign, a day at a time: what went out and, for a follow-up, who did not get it
 * and why; each answer at the time the round read it. It tells what the daemon's rounds did; it decides nothing.
 */
final class DemoDiary implements Round.Listener {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** One message accepted by the server. */
    private record Sent(String email, Instant at) {
    }

    /** A line of the day, told in the order of the time it starts at. */
    private record Entry(Instant at, List<String> lines) {
    }

    private final PrintWriter out;
    private final ZoneId zone;
    private final List<String> steps;
    private final Map<String, List<Sent>> sent = new LinkedHashMap<>();
    /** Follow-ups whose left-out contacts were told already: a later day's stragglers need no second list. */
    private final java.util.Set<String> toldLeftOut = new java.util.HashSet<>();
    private final List<Entry> entries = new ArrayList<>();
    private Instant now;

    private final org.outreach.campaign.SendWindow window;

    /** @param steps the campaign's step names in order: the first is no follow-up */
    DemoDiary(PrintWriter out, org.outreach.campaign.SendWindow window, List<String> steps) {
        this.out = out;
        this.zone = window.zone();
        this.window = window;
        this.steps = steps;
    }

    @Override
    public void recorded(String email, String step, Delivery.Outcome outcome, String detail) {
        if (outcome == Delivery.Outcome.ACCEPTED) {
            sent.computeIfAbsent(step, s -> new ArrayList<>()).add(new Sent(email, now));
        } else {
            entries.add(new Entry(now, List.of(step + " to " + email + ": "
                    + outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", " + detail)));
        }
    }

    /** Call before each round: the time its sends are stamped with. */
    void roundAt(Instant at) {
        now = at;
    }

    /** What the round read: one line per answer that changed something. */
    void read(Round.Report report) {
        report.received().forEach(r -> entries.add(new Entry(now, List.of(RoundLines.received(r)))));
        report.waiting().stream().filter(w -> w.reason() == Waiting.Reason.PAUSED)
                .forEach(w -> entries.add(new Entry(now, List.of(RoundLines.waiting(w)))));
    }

    /** Prints the day: what went out (for a follow-up, who was left out and why) and what came in. */
    void endOfDay(List<Sequence> sequences) {
        sent.forEach((step, messages) -> {
            Instant first = messages.get(0).at();
            Instant last = messages.get(messages.size() - 1).at();
            List<String> lines = new ArrayList<>();
            lines.add(RoundLines.count(messages.size(), step) + " sent, " + TIME.format(first.atZone(zone))
                    + (last.equals(first) ? "" : "–" + TIME.format(last.atZone(zone))) + (messages.size() <= 3
                    ? ": " + String.join(", ", messages.stream().map(Sent::email).toList()) : ""));
            int number = steps.indexOf(step) + 1;
            if (number > 1 && toldLeftOut.add(step)) {
                lines.addAll(leftOut(sequences, step, number));
            }
            entries.add(new Entry(first, lines));
        });
        if (!entries.isEmpty()) {
            out.println(DAY.format(entries.get(0).at().atZone(zone)));
            entries.stream().sorted(Comparator.comparing(Entry::at)).forEach(e -> {
                out.printf("  %s  %s%n", TIME.format(e.at().atZone(zone)), e.lines().get(0));
                e.lines().subList(1, e.lines().size()).forEach(l -> out.printf("         %s%n", l));
            });
        }
        sent.clear();
        entries.clear();
    }

    /** The contacts a follow-up did not go to: stopped (and why) or held (and until when). */
    private List<String> leftOut(List<Sequence> sequences, String step, int number) {
        List<String> lines = new ArrayList<>();
        for (Sequence s : sequences) {
            if (s.sentStep(number).isPresent()) {
                continue;
            }
            if (s.stopReason() != null) {
                lines.add("not to " + s.email() + ": " + brief(s.stopReason()));
            } else {
                s.next().filter(n -> n.step().equals(step)).ifPresent(n -> lines.add("not yet to " + s.email()
                        + ": waits until " + Times.named(window.nextOpen(n.dueAt()), zone)));
            }
        }
        return lines;
    }

    /** A stop reason as short as a list line needs: its first two parts, "bounce: 5.1.1 550 5.1.1 <wei.li@example.edu>". */
    private static String brief(String reason) {
        String[] parts = reason.split(": ", 3);
        String text = parts.length == 1 ? parts[0] : parts[0] + ": " + parts[1];
        if (text.length() <= 60) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 60);
        return text.substring(0, cut > 0 ? cut : 60) + "…";
    }
}
