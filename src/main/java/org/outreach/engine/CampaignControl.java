package org.outreach.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.outreach.campaign.BadInputException;
import org.outreach.campaign.CampaignState;
import org.outreach.campaign.EnrollmentState;
import org.outreach.store.Campaigns;
import org.outreach.store.Enrollments;
import org.outreach.store.Store;
import org.outreach.workspace.CampaignReader;

/**
 * Pausing, resuming and cancelling a launched campaign. The sending job checks the campaign's state in the
 * same statement that claims each message, so a change takes effect before the next message is claimed.
 */
public final class CampaignControl {

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
        return change(store, name, CampaignState.ACTIVE, CampaignState.PAUSED, now);
    }

    public static String resume(Store store, String name, Instant now) {
        return change(store, name, CampaignState.PAUSED, CampaignState.ACTIVE, now);
    }

    /** Stops the campaign for good: its messages not yet sent are cancelled and every sequence in it stops. */
    public static int cancel(Store store, String name, Instant now) {
        Campaigns.Launched campaign = find(store, name);
        if (campaign.state() == CampaignState.CANCELLED) {
            throw new BadInputException("campaign " + campaign.campaignKey() + " is already cancelled");
        }
        store.campaigns().move(campaign.id(), campaign.state(), CampaignState.CANCELLED, now);
        List<Enrollments.Enrollment> active = store.enrollments().ofCampaign(campaign.id()).stream()
                .filter(e -> e.state() == EnrollmentState.ACTIVE).toList();
        int cancelled = store.messages().cancelUnsentOfCampaign(campaign.id(), "campaign cancelled", now);
        store.enrollments().stopCampaign(campaign.id(), "campaign cancelled", now);
        active.forEach(e -> store.history().record(e.contactId(), campaign.id(), null, now, CampaignState.CANCELLED.toString(), "campaign cancelled"));
        return cancelled;
    }

    private static String change(Store store, String name, CampaignState from, CampaignState to, Instant now) {
        Campaigns.Launched campaign = find(store, name);
        if (campaign.state() != from) {
            throw new BadInputException("campaign " + campaign.campaignKey() + " is " + campaign.state() + ", not " + from);
        }
        store.campaigns().move(campaign.id(), from, to, now);
        return campaign.campaignKey();
    }
}
