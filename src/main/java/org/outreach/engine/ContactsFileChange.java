package org.outreach.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.outreach.store.Campaigns;
import org.outreach.store.Store;
import org.outreach.workspace.Workspace;

/**
 * A launched campaign's contacts file that no longer holds what it was launched with. Its messages still go out
 * with the values of the launch (what was reviewed); the new values need a new launch, so the organizer is told.
 *
 * @param path       the contacts file, as the workspace shows it
 * @param launchedAt when the campaign was last launched with it
 * @param missing    whether the file is gone rather than changed
 * @param zone       the campaign's time zone, to say when in
 */
public record ContactsFileChange(String path, Instant launchedAt, boolean missing, ZoneId zone) {

    /** The change of a campaign named by its key; empty also when it has not been launched. */
    public static Optional<ContactsFileChange> ofCampaign(Store store, Workspace workspace, String campaignKey) {
        return store.campaigns().find(campaignKey).flatMap(launched -> of(store, workspace, launched.id(),
                LaunchedCampaign.load(store, workspace, launched.id()).campaign().window().zone()));
    }

    /** Empty when the file is as launched, or the launch predates this record. */
    static Optional<ContactsFileChange> of(Store store, Workspace workspace, long campaignId, ZoneId zone) {
        return store.campaigns().contactsFile(campaignId).flatMap(kept -> compare(workspace, kept, zone));
    }

    private static Optional<ContactsFileChange> compare(Workspace workspace, Campaigns.ContactsAsLaunched kept, ZoneId zone) {
        Path file = workspace.root().resolve(kept.path());
        if (!Files.isRegularFile(file)) {
            return Optional.of(new ContactsFileChange(kept.path(), kept.launchedAt(), true, zone));
        }
        return CampaignContent.fileDigest(file).equals(kept.digest())
                ? Optional.empty()
                : Optional.of(new ContactsFileChange(kept.path(), kept.launchedAt(), false, zone));
    }
}
