package org.outreach.engine;

import org.outreach.campaign.Limits;
import org.outreach.store.Database;
import org.outreach.workspace.Workspace;

/** The campaigns sending needs, read once per mailbox run: each as launched, and its mailbox's limits. */
final class SendingCampaigns {

    private final Database database;
    private final Workspace workspace;

    SendingCampaigns(Database database, Workspace workspace) {
        this.database = database;
        this.workspace = workspace;
    }

    LaunchedCampaign launched(long campaignId) {
        return database.transaction(store -> LaunchedCampaign.load(store, workspace, campaignId));
    }

    /**
     * The limits of the campaign's whole mailbox: a campaign with a lax {@code min_gap} must not undo a stricter
     * one of the same sender.
     */
    Limits mailboxLimits(LaunchedCampaign campaign) {
        return database.transaction(store -> MailboxLimits.forCampaign(store, workspace, campaign.row(),
                campaign.campaign()).limits());
    }
}
