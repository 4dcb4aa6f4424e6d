package org.outreach.engine;

import java.time.Instant;

import org.outreach.campaign.BadInputException;
import org.outreach.store.Messages;
import org.outreach.store.Store;
import org.outreach.workspace.Workspace;

/**
 * Settles a message whose fate is unknown, once a person has looked (in the recipient's reply, their own Sent
 * folder, the server's logs): it was sent, or it should be sent again.
 */
public final class Resolution {

    private Resolution() {
    }

    /** Records the message as sent when it was claimed, and plans the step after it. */
    public static Messages.Unknown sent(Store store, Workspace workspace, String reference, Instant now) {
        Messages.Unknown unknown = find(store, reference);
        OutboxMessage message = store.messages().byId(unknown.id());
        LaunchedCampaign campaign = LaunchedCampaign.load(store, workspace, message.campaignId());
        Outcomes.sent(store.changes(), message, campaign, "resolved by hand: sent", unknown.claimedAt(), now);
        return unknown;
    }

    /** Puts the message back in the queue, due now. */
    public static Messages.Unknown retry(Store store, String reference, Instant now) {
        Messages.Unknown unknown = find(store, reference);
        OutboxMessage message = store.messages().byId(unknown.id());
        store.messages().requeue(unknown.id(), "resolved by hand: send again", now);
        Outcomes.history(store.changes(), message, now, org.outreach.campaign.MessageState.RETRYING, "resolved by hand: send again");
        return unknown;
    }

    private static Messages.Unknown find(Store store, String reference) {
        return store.messages().findUnknown(reference.strip()).orElseThrow(() -> noSuchMessage(reference));
    }

    /** What resolve says when no message of unknown fate has that number or Message-ID (or there is no database yet). */
    public static BadInputException noSuchMessage(String reference) {
        return new BadInputException(
                "no message of unknown fate is numbered or identified as " + reference + "; outreach status lists them");
    }
}
