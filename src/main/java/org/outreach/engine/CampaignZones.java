package org.outreach.engine;

import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;

import org.outreach.store.Campaigns;
import org.outreach.store.Store;
import org.outreach.workspace.Workspace;

/**
 * The time zone each launched campaign speaks in: its send window's, the recipients' zone. Times about a campaign
 * (a send, a reply, an approval) are shown there, so an organizer in Berlin running a Chicago campaign reads the
 * hours the recipients lived them. Times that concern no campaign fall back to this machine's zone.
 */
public final class CampaignZones {

    private final Map<String, ZoneId> byKey;
    private final ZoneId fallback;

    private CampaignZones(Map<String, ZoneId> byKey, ZoneId fallback) {
        this.byKey = byKey;
        this.fallback = fallback;
    }

    public static CampaignZones of(Store store, Workspace workspace, ZoneId fallback) {
        return new CampaignZones(store.campaigns().all().stream().collect(Collectors.toMap(Campaigns.Launched::campaignKey,
                c -> LaunchedCampaign.load(store, workspace, c.id()).campaign().window().zone())), fallback);
    }

    /** The zone of the campaign with this key; the fallback for none (null) or an unknown one. */
    public ZoneId of(String campaignKey) {
        return campaignKey == null ? only() : byKey.getOrDefault(campaignKey, fallback);
    }

    /** The zone all launched campaigns share, or the fallback when they differ or there are none. */
    public ZoneId only() {
        return byKey.values().stream().distinct().count() == 1 ? byKey.values().iterator().next() : fallback;
    }
}
