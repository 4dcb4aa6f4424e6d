package org.outreach.engine;

import java.util.List;
import java.util.stream.Stream;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Limits;
import org.outreach.store.Campaigns;
import org.outreach.store.Store;
import org.outreach.workspace.Workspace;

/**
 * The limits one sender mailbox obeys. Caps and gaps protect the mailbox (its reputation, the provider's quotas),
 * not a campaign, so when the active campaigns of one mailbox set different ones, every send obeys the strictest:
 * the smallest {@code per_day} and {@code per_hour}, the largest {@code min_gap}. The send window stays each
 * campaign's own: it is about the recipients' business hours, and two campaigns may write to different time zones.
 *
 * @param disagree whether the campaigns of the mailbox set different limits, so that some campaign's own are not
 *                 the ones that apply (status says so)
 */
public record MailboxLimits(String sender, Limits limits, boolean disagree) {

    static MailboxLimits strictest(String sender, List<Limits> each) {
        Limits strictest = new Limits(each.stream().mapToInt(Limits::perDay).min().orElseThrow(),
                each.stream().mapToInt(Limits::perHour).min().orElseThrow(),
                each.stream().map(Limits::minGap).max(java.time.Duration::compareTo).orElseThrow());
        return new MailboxLimits(sender, strictest, each.stream().distinct().count() > 1);
    }

    /**
     * The limits {@code campaign} sends under: its own (as given, which for {@code launch --dry-run} of an edited
     * campaign is not the launched copy) together with those of the other active campaigns of its sender. Sending
     * and forecasts both ask this, so a forecast promises only what the daemon will do.
     */
    static MailboxLimits forCampaign(Store store, Workspace workspace, Campaigns.Launched launched, Campaign campaign) {
        return strictest(launched.senderEmail(), Stream.concat(Stream.of(campaign.limits()),
                activeOf(store, workspace, launched.senderEmail(), launched.id())).toList());
    }

    private static Stream<Limits> activeOf(Store store, Workspace workspace, String sender, long except) {
        // The same address as the outbox counts sends by (Messages.sentSince), so caps and counts agree.
        return store.campaigns().all().stream()
                .filter(c -> c.id() != except && c.state().equals(CampaignControl.ACTIVE) && c.senderEmail().equals(sender))
                .map(c -> LaunchedCampaign.load(store, workspace, c.id()).campaign().limits());
    }
}
