package org.outreach.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Contact;
import org.outreach.campaign.Problem;
import org.outreach.campaign.Segment;
import org.outreach.store.Approvals;
import org.outreach.store.Database;
import org.outreach.workspace.Workspace;

/**
 * Everything the review page shows, read afresh from the files (and the database) on each page load, so an
 * author and a reviewer can iterate side by side.
 *
 * @param content empty when the campaign has errors: there is nothing approvable yet
 * @param mailbox the limits the campaign would send under, its mailbox's as {@code launch --dry-run} forecasts
 *                with; empty when the campaign cannot be read
 */
public record ReviewModel(Validation validation, List<Problem> warnings, Optional<CampaignContent> content,
                          List<Approvals.Approval> approvals, Optional<MailboxLimits> mailbox,
                          List<Forecast.StepForecast> forecast) {

    public static ReviewModel load(Workspace workspace, Path campaignFile, Database database, Clock clock) {
        CampaignCheck check = CampaignCheck.of(workspace, campaignFile, database, clock);
        Validation validation = check.validation();
        List<Problem> warnings = check.warnings();
        Optional<CampaignContent> content = validation.hasErrors() ? Optional.empty()
                : Optional.of(CampaignContent.of(workspace, validation.definition(), validation.templates().sourcesUsed(),
                        validation.attachments()));
        List<Approvals.Approval> approvals = validation.campaign()
                .map(c -> database.transaction(store -> store.approvals().of(c.key()))).orElse(List.of());
        Instant now = clock.instant();
        Optional<MailboxLimits> mailbox = validation.campaign()
                .map(c -> database.transaction(store -> MailboxLimits.forDefinition(store, workspace, c)));
        List<Instant> earlierSends = mailbox.map(m -> database.transaction(
                store -> store.messages().sentSince(m.sender(), now.minus(Pacer.lookBack())))).orElse(List.of());
        List<Forecast.StepForecast> forecast = validation.campaign()
                .map(c -> forecast(c, validation, mailbox.orElseThrow(), earlierSends, now)).orElse(List.of());
        return new ReviewModel(validation, warnings, content, approvals, mailbox, forecast);
    }

    /**
     * When each step would go out for the whole list, if launched now and nobody replied: under the mailbox's
     * limits and after what it sent lately, as the launch would pace it.
     */
    private static List<Forecast.StepForecast> forecast(Campaign campaign, Validation validation, MailboxLimits mailbox,
                                                        List<Instant> earlierSends, Instant now) {
        Instant start = campaign.start().map(s -> s.atZone(campaign.window().zone()).toInstant())
                .filter(s -> s.isAfter(now)).orElse(now);
        int contacts = validation.bySegment().values().stream().mapToInt(List::size).sum();
        return Forecast.of(campaign, mailbox.limits(), List.of(new Forecast.Pending(campaign.firstStep(), start, contacts)),
                earlierSends);
    }

    public Optional<Campaign> campaign() {
        return validation.campaign();
    }

    public List<Contact> contactsOf(Segment segment) {
        return validation.bySegment().getOrDefault(segment, List.of());
    }

    /** Whether the latest approval is of exactly the content shown. */
    public boolean approvedAsShown() {
        return content.isPresent() && !approvals.isEmpty() && approvals.get(0).contentHash().equals(content.get().hash());
    }
}
