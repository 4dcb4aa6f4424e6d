package org.outreach.engine;

import java.time.Instant;
import java.util.List;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Contact;
import org.outreach.campaign.Problem;

/**
 * What a launch did, or with {@code dryRun} would do: who is enrolled per segment, who is left out and why,
 * and when each step would go out under the limits; for a dry run, also why the real launch would be refused
 * for want of an approval.
 */
public record LaunchPlan(
        Campaign campaign,
        boolean dryRun,
        boolean relaunch,
        Instant firstDue,
        List<SegmentPlan> segments,
        List<Exclusion> excluded,
        List<Forecast.StepForecast> forecast,
        List<Problem> warnings,
        java.util.Optional<String> unapproved,
        MailboxLimits mailbox) {

    /** One segment: its contacts in the file, how many this launch enrolls, how many were enrolled before. */
    public record SegmentPlan(String segment, int contacts, int enrolled, int alreadyEnrolled) {
    }

    /** A contact of the file that is not enrolled, and why. */
    public record Exclusion(Contact contact, String reason) {
    }

    public int enrolled() {
        return segments.stream().mapToInt(SegmentPlan::enrolled).sum();
    }
}
