package org.outreach.campaign;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One campaign definition, as read from {@code campaigns/KEY.yaml}.
 *
 * @param key      the file name without {@code .yaml}: what commands and the database call the campaign
 * @param file     the definition file; relative paths in it (contacts, attachments) are relative to its folder
 * @param contacts the contacts CSV file
 * @param vars     campaign-wide values for templates ({@code vars.meetup_date}), so they are written once
 * @param start    when the first step may go out, in the window's time zone; empty means at launch
 * @param reviewRequired launch refuses the campaign until a reviewer approved exactly its current content
 */
public record Campaign(
        String key,
        String name,
        Path file,
        Sender sender,
        Path contacts,
        List<Segment> segments,
        List<Step> steps,
        Limits limits,
        SendWindow window,
        Optional<LocalDateTime> start,
        Map<String, String> vars,
        boolean reviewRequired) {

    public Optional<Segment> segment(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Step> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Step firstStep() {
        return steps.get(0);
    }

    public Optional<Step> stepAfter(Step step) {
        return step.number() < steps.size() ? Optional.of(steps.get(step.number())) : Optional.empty();
    }
}
