package org.outreach.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Location;
import org.outreach.campaign.Problems;
import org.outreach.workspace.CampaignReader;
import org.outreach.workspace.Workspace;

/**
 * Campaigns of the workspace that send from the same mailbox but set other limits or another window. Caps and
 * gaps belong to the mailbox, so each send obeys the strictest of them, and a campaign goes out slower than its
 * own file says.
 */
final class SharedMailbox {

    private SharedMailbox() {
    }

    static void disagreements(Workspace workspace, Campaign campaign, Location file, Problems warnings) {
        for (Campaign other : others(workspace, campaign)) {
            if (!campaign.limits().equals(other.limits()) || !campaign.window().equals(other.window())) {
                String mailbox = campaign.sender().email().toString();
                warnings.warning(campaign.at("sender").orElse(file), mailbox + " also sends "
                        + workspace.display(other.file()) + " with other limits or another window (here: "
                        + SendingRules.of(campaign.limits(), campaign.window()) + " — there: "
                        + SendingRules.of(other.limits(), other.window()) + "); each send from " + mailbox
                        + " obeys the strictest of them");
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
