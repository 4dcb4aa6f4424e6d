package org.outreach.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.outreach.campaign.BadInputException;
import org.outreach.store.Campaigns;
import org.outreach.store.Enrollments;
import org.outreach.store.Store;
import org.outreach.workspace.CampaignReader;

/**
 * Pausing, resuming and cancelling a launched campaign. The sending job checks the campaign's state in the
 * same statement that claims each message, so a change takes effect before the next message is claimed.
 */
public final class CampaignControl {

    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";
    public static final String CANCELLED = "cancelled";

    private CampaignControl() {
    }

    /** The launched campaign a command names, by key or definition file. */
    public static Campaigns.Launched find(Store store, String name) {
        return store.campaigns().find(CampaignReader.key(Path.of(name))).orElseThrow(() -> notLaunched(name));
    }

    /** What a command that needs a launched campaign says when there is none by that name (or no database yet). */
    public static BadInputException notLaunched(String name) {
        return new BadInputException("campaign " + CampaignReader.key(Path.of(name)) + " has not been launched");
    }

    public static String pause(Store store, String name, Instant now) {
        return change(store, name, ACTIVE, PAUSED, now);
    }

    public static String resume(Store store, String name, Instant now) {
        return change(store, name, PAUSED, ACTIVE, now);
    }

    /** Stops the campaign for good: its messages not yet sent are cancelled and every sequence in it stops. */
    public static int cancel(Store store, String name, Instant now) {
        Campaigns.Launched campaign = find(store, name);
        if (campaign.state().equals(CANCELLED)) {
            throw new BadInputException("campaign " + campaign.campaignKey() + " is already cancelled");
        }
        store.campaigns().setState(campaign.id(), CANCELLED, now);
        List<Enrollments.Enrollment> active = store.enrollments().ofCampaign(campaign.id()).stream()
                .filter(e -> e.state().equals(Enrollments.ACTIVE)).toList();
        int cancelled = store.messages().cancelUnsentOfCampaign(campaign.id(), "campaign cancelled", now);
        store.enrollments().stopCampaign(campaign.id(), "campaign cancelled", now);
        active.forEach(e -> store.history().record(e.contactId(), campaign.id(), null, now, "cancelled", "campaign cancelled"));
        return cancelled;
    }

    private static String change(Store store, String name, String from, String to, Instant now) {
        Campaigns.Launched campaign = find(store, name);
        if (!campaign.state().equals(from)) {
            throw new BadInputException("campaign " + campaign.campaignKey() + " is " + campaign.state() + ", not " + from);
        }
        store.campaigns().setState(campaign.id(), to, now);
        return campaign.campaignKey();
    }
}
