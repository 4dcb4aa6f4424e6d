package org.outreach.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.outreach.campaign.BadInputException;
import org.outreach.store.Approvals;
import org.outreach.store.Store;

/**
 * Approval of a campaign by a reviewer, tied to the exact content reviewed: the definition, every template,
 * the contacts and the attachments. A campaign with {@code review: required} launches only with an approval of
 * its current content.
 */
public final class Review {

    private Review() {
    }

    /** Records an approval of this content. */
    public static Approvals.Approval approve(Store store, String campaignKey, CampaignContent content, String reviewer,
                                             Instant now) {
        String name = reviewer == null ? "" : reviewer.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new BadInputException("a reviewer's name (up to 200 characters) is needed to approve");
        }
        long id = store.approvals().insert(campaignKey, name, content.hash(), now);
        content.digests().forEach((path, digest) -> store.approvals().insertFile(id, path, digest));
        return new Approvals.Approval(id, campaignKey, name, content.hash(), now);
    }

    /** Why the campaign may not launch yet, or empty when its current content is approved. */
    public static Optional<String> refusal(Store store, String campaignKey, CampaignContent content) {
        Optional<Approvals.Approval> latest = store.approvals().latest(campaignKey);
        if (latest.isEmpty()) {
            return Optional.of("campaign " + campaignKey + " needs a reviewer's approval first (review: required);"
                    + " run outreach review " + campaignKey);
        }
        if (latest.get().contentHash().equals(content.hash())) {
            return Optional.empty();
        }
        return Optional.of("campaign " + campaignKey + " changed since " + latest.get().reviewer() + " approved it: "
                + String.join(", ", changes(store.approvals().files(latest.get().id()), content.digests()))
                + "; it needs a new approval (outreach review " + campaignKey + ")");
    }

    /** What differs between two sets of file digests, in words. */
    static List<String> changes(Map<String, String> approved, Map<String, String> now) {
        List<String> changes = new ArrayList<>();
        for (String path : new TreeSet<>(approved.keySet())) {
            if (!now.containsKey(path)) {
                changes.add(path + " is no longer used");
            } else if (!now.get(path).equals(approved.get(path))) {
                changes.add(path + " changed");
            }
        }
        for (String path : new TreeSet<>(now.keySet())) {
            if (!approved.containsKey(path)) {
                changes.add(path + " is new");
            }
        }
        return changes;
    }
}
