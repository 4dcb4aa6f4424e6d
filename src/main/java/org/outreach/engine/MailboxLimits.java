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
 * not a campaign, so when the campaigns sending from one mailbox set different ones, every send obeys the
 * strictest: the smallest {@code per_day} and {@code per_hour}, the largest {@code min_gap}. The send window stays
 * each campaign's own: it is about the recipients' business hours, and two campaigns may write to different time
 * zones.
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
     * campaign is not the launched copy) together with those of the other campaigns that still send from its
     * sender. Sending and forecasts both ask this, so a forecast promises only what the daemon will do.
     */
    static MailboxLimits forCampaign(Store store, Workspace workspace, Campaigns.Launched launched, Campaign campaign) {
        return of(store, workspace, launched.senderEmail(), launched.id(), campaign);
    }

    /** The limits {@code campaign} would send under if it were launched now, launched before or not (the review page). */
    static MailboxLimits forDefinition(Store store, Workspace workspace, Campaign campaign) {
        long self = store.campaigns().find(campaign.key()).map(Campaigns.Launched::id).orElse(-1L);
        return of(store, workspace, campaign.sender().email().key(), self, campaign);
    }

    /**
     * Whether a launched campaign holds its mailbox to its limits: only while it is active and still has messages
     * to send. A campaign that has sent, cancelled or given up on everything would otherwise slow its mailbox for
     * ever; it counts again when a relaunch plans new messages.
     */
    static boolean imposesLimits(Store store, Campaigns.Launched launched) {
        return launched.state() == org.outreach.campaign.CampaignState.ACTIVE && store.messages().hasUnsent(launched.id());
    }

    private static MailboxLimits of(Store store, Workspace workspace, String sender, long except, Campaign campaign) {
        return strictest(sender, Stream.concat(Stream.of(campaign.limits()),
                peersOf(store, workspace, sender, except)).toList());
    }

    private static Stream<Limits> peersOf(Store store, Workspace workspace, String sender, long except) {
        // The same address as the outbox counts sends by (Messages.sentSince), so caps and counts agree.
        return store.campaigns().all().stream()
                .filter(c -> c.id() != except && c.senderEmail().equals(sender) && imposesLimits(store, c))
                .map(c -> LaunchedCampaign.load(store, workspace, c.id()).campaign().limits());
    }
}
