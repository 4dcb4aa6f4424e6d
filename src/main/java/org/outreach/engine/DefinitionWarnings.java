package org.outreach.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Location;
import org.outreach.campaign.Problems;
import org.outreach.campaign.Segment;
import org.outreach.campaign.TimeText;

/** Mistakes in a definition that read fine but do not do what the author meant. */
final class DefinitionWarnings {

    private DefinitionWarnings() {
    }

    /**
     * A start that has passed means "now" to the launch, so a year typo (2025 for 2026) sends at once. Once the
     * campaign is launched its start is expected to lie behind it.
     */
    static void startInThePast(Campaign campaign, Location file, boolean launched, Clock clock, Problems warnings) {
        if (launched || campaign.start().isEmpty()) {
            return;
        }
        ZoneId zone = campaign.window().zone();
        Instant start = campaign.start().get().atZone(zone).toInstant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        if (start.isBefore(now)) {
            warnings.warning(campaign.at("start").orElse(file), "start " + TimeText.named(start, zone)
                    + " has already passed (it is now " + TimeText.named(now, zone) + "), so the first step would go"
                    + " out at launch; if the year or date is a typo, correct it");
        }
    }

    /** The first matching segment wins, so nobody reaches the segments after one that takes everybody. */
    static void catchAllNotLast(Campaign campaign, Problems warnings) {
        List<Segment> segments = campaign.segments();
        for (int i = 0; i < segments.size() - 1; i++) {
            Segment segment = segments.get(i);
            if (segment.match().isEmpty()) {
                String after = segments.subList(i + 1, segments.size()).stream().map(Segment::name)
                        .collect(Collectors.joining(", "));
                warnings.warning(segment.at(), "segment " + segment.name() + " takes every contact (match: {}), so the"
                        + " segments after it (" + after + ") can never match; move it last");
                return;
            }
        }
    }
}
