package org.outreach.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Contact;
import org.outreach.campaign.Segment;
import org.outreach.store.Contacts;
import org.outreach.store.Enrollments;
import org.outreach.store.History;
import org.outreach.store.Messages;
import org.outreach.store.Store;
import org.outreach.store.Suppressions.Suppression;
import org.outreach.workspace.ContactsReader.ContactsFile;

/**
 * A launch's contacts coming into the database: each saved, enrolled into its segment unless it was already,
 * suppressed or matches none, its first message planned and its row kept as launched; counted per segment.
 *
 * <p>Done a slice of contacts at a time, each slice in a few batched statements: a contacts file of a hundred
 * thousand rows would otherwise take a dozen statements per row, and the database's answers for the whole file
 * (ids, enrollments) would all be in memory at once.
 */
final class Intake {

    /** Contacts per slice: large enough that statements are few, small enough that a slice's rows are nothing. */
    static final int SLICE = 1000;

    private final Campaign campaign;
    private final Validation validation;
    private final long campaignId;
    private final Instant due;
    private final Instant now;
    private final boolean contactsChanged;
    private final Map<String, Suppression> suppressed;
    private final Contacts contacts;
    private final Enrollments enrollments;
    private final Messages messages;
    private final History history;
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<LaunchPlan.Exclusion> excluded = new ArrayList<>();

    /**
     * @param due             when the first step of the new enrollments is due
     * @param contactsChanged whether the contacts file differs from the one of the last launch: then the kept
     *                        rows of the contacts enrolled before are replaced too
     * @param suppressed      the do-not-contact list, by address key
     */
    Intake(Store store, Validation validation, long campaignId, Instant due, Instant now, boolean contactsChanged,
           Map<String, Suppression> suppressed) {
        this.campaign = validation.definition();
        this.validation = validation;
        this.campaignId = campaignId;
        this.due = due;
        this.now = now;
        this.contactsChanged = contactsChanged;
        this.suppressed = suppressed;
        // Attached once: attaching a store interface is costly, and a slice uses each of them.
        this.contacts = store.contacts();
        this.enrollments = store.enrollments();
        this.messages = store.messages();
        this.history = store.history();
        campaign.segments().forEach(s -> counts.put(s.name(), new int[2]));
    }

    /** Takes in every contact of the file, in file order. */
    void take(ContactsFile file) {
        List<Contact> all = file.contacts();
        for (int from = 0; from < all.size(); from += SLICE) {
            slice(all.subList(from, Math.min(from + SLICE, all.size())), file.columns());
        }
    }

    private void slice(List<Contact> slice, List<String> columns) {
        Map<String, Long> ids = contacts.saveAll(slice, columns, now);
        Map<Long, Long> enrolledBefore = enrollments.idsOf(campaignId,
                slice.stream().map(c -> ids.get(c.email().key())).toList());
        Map<Long, Contact> keptAgain = new LinkedHashMap<>();
        List<Contact> newcomers = new ArrayList<>();
        List<Long> newcomerIds = new ArrayList<>();
        List<String> newcomerSegments = new ArrayList<>();
        for (Contact contact : slice) {
            long contactId = ids.get(contact.email().key());
            Long enrollment = enrolledBefore.get(contactId);
            if (enrollment != null && contactsChanged) {
                // What was validated and approved is this row, not the workspace's contact: that is what is sent.
                keptAgain.put(enrollment, contact);
            }
            Optional<Segment> segment = validation.segmentOf(contact);
            Suppression suppression = suppressed.get(contact.email().key());
            if (segment.isEmpty()) {
                exclude(contact, "matches no segment");
            } else if (suppression != null) {
                exclude(contact, "suppressed (" + suppression.source()
                        + (suppression.reason() == null ? "" : ": " + suppression.reason()) + ")");
            } else if (enrollment != null) {
                counts.get(segment.get().name())[1]++;
            } else {
                newcomers.add(contact);
                newcomerIds.add(contactId);
                newcomerSegments.add(segment.get().name());
                counts.get(segment.get().name())[0]++;
            }
        }
        enrollments.keepAllAsLaunched(keptAgain);
        if (!newcomers.isEmpty()) {
            enroll(newcomers, newcomerIds, newcomerSegments);
        }
    }

    /** Enrolls contacts not enrolled before: their sequence starts with the first step, due at the launch's start. */
    private void enroll(List<Contact> newcomers, List<Long> contactIds, List<String> segments) {
        Map<Long, Long> enrollmentOf = enrollments.insertAll(campaignId, contactIds, segments, now);
        List<Long> enrollmentIds = contactIds.stream().map(enrollmentOf::get).toList();
        Map<Long, Contact> rows = new LinkedHashMap<>();
        for (int i = 0; i < newcomers.size(); i++) {
            rows.put(enrollmentIds.get(i), newcomers.get(i));
        }
        enrollments.keepAllAsLaunched(rows);
        messages.planAll(campaignId, contactIds, enrollmentIds, campaign.firstStep().name(), 1, due, now);
        history.recordAll(contactIds, campaignId, now, "enrolled",
                segments.stream().map(segment -> "campaign " + campaign.key() + ", segment " + segment).toList());
    }

    private void exclude(Contact contact, String reason) {
        excluded.add(new LaunchPlan.Exclusion(contact, reason));
    }

    /** The contacts left out, in file order, with why. */
    List<LaunchPlan.Exclusion> excluded() {
        return excluded;
    }

    /** Per segment: its contacts in the file, how many this launch enrolled, how many were enrolled before. */
    List<LaunchPlan.SegmentPlan> segments() {
        List<LaunchPlan.SegmentPlan> plans = new ArrayList<>();
        validation.bySegment().forEach((segment, members) -> {
            int[] n = counts.get(segment.name());
            plans.add(new LaunchPlan.SegmentPlan(segment.name(), members.size(), n[0], n[1]));
        });
        return plans;
    }
}
