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
 * @param strict   warnings count as errors: validate fails and launch refuses while there is one
 * @param written  where some top-level keys ({@code sender}, {@code start}…) are written in the file, for
 *                 problems found after reading it
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
        boolean reviewRequired,
        boolean strict,
        Map<String, Location> written) {

    /** A campaign that is not strict, with no record of where its keys are written. */
    public Campaign(String key, String name, Path file, Sender sender, Path contacts, List<Segment> segments,
                    List<Step> steps, Limits limits, SendWindow window, Optional<LocalDateTime> start,
                    Map<String, String> vars, boolean reviewRequired) {
        this(key, name, file, sender, contacts, segments, steps, limits, window, start, vars, reviewRequired, false, Map.of());
    }

    /** Where {@code key} is written in the file, when it is. */
    public Optional<Location> at(String key) {
        return Optional.ofNullable(written.get(key));
    }

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
