package org.outreach.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Location;
import org.outreach.campaign.Problems;
import org.outreach.workspace.CampaignReader;
import org.outreach.workspace.Workspace;

/**
 * Campaigns of the workspace that send from the same mailbox but set other limits. Caps and gaps belong to the
 * mailbox, so each send obeys the strictest of them ({@link MailboxLimits}), and a campaign goes out slower than its
 * own file says. Windows are not compared: each campaign keeps its own, so another one's window changes nothing here.
 */
final class SharedMailbox {

    private SharedMailbox() {
    }

    /**
     * @param done keys of launched campaigns that no longer hold the mailbox to their limits; a campaign file not
     *             launched yet counts, as it will once launched
     */
    static void disagreements(Workspace workspace, Campaign campaign, Location file, Set<String> done, Problems warnings) {
        for (Campaign other : others(workspace, campaign)) {
            if (!done.contains(other.key()) && !campaign.limits().equals(other.limits())) {
                String mailbox = campaign.sender().email().toString();
                warnings.warning(campaign.at("sender").orElse(file), mailbox + " also sends "
                        + workspace.display(other.file()) + " with other limits (here: "
                        + SendingRules.of(campaign.limits()) + " — there: " + SendingRules.of(other.limits())
                        + "); each send from " + mailbox + " obeys the strictest: " + SendingRules.of(
                        MailboxLimits.strictest(mailbox, List.of(campaign.limits(), other.limits())).limits()));
            }
        }
    }

    /** The other campaign files of the workspace that read without error and send from the same address. */
    private static List<Campaign> others(Workspace workspace, Campaign campaign) {
        return workspace.campaignFiles().stream()
                .filter(f -> !f.equals(campaign.file().toAbsolutePath().normalize()))
                .map(f -> read(workspace, f))
                .flatMap(Optional::stream)
                .filter(other -> other.sender().email().key().equals(campaign.sender().email().key()))
                .toList();
    }

    /** A broken neighbour is its own validation's business, not this campaign's. */
    private static Optional<Campaign> read(Workspace workspace, Path file) {
        return new CampaignReader(workspace).read(file, new Problems());
    }
}
