package org.outreach.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.outreach.campaign.Contact;
import org.outreach.campaign.EmailAddress;
import org.outreach.store.Contacts;
import org.outreach.store.Store;
import org.outreach.store.Suppressions.Suppression;
import org.outreach.workspace.ContactsReader.ContactsFile;

/** The workspace's contacts and its do-not-contact list. */
public final class ContactBook {

    public static final String MANUAL = "manual";

    private ContactBook() {
    }

    public record Imported(int added, int updated) {
    }

    /** A contact with where it is enrolled ({@code campaign:segment}) and why it is suppressed, if it is. */
    public record Listed(Contact contact, List<String> enrolledIn, Optional<String> suppressed) {
    }

    public record Suppressed(boolean already, int cancelled) {
    }

    public static Imported importAll(Store store, ContactsFile file, Instant now) {
        int added = 0;
        for (Contact contact : file.contacts()) {
            added += store.contacts().find(contact.email()).isEmpty() ? 1 : 0;
            store.contacts().save(contact, file.columns(), now);
        }
        return new Imported(added, file.contacts().size() - added);
    }

    /** Contacts, optionally only those enrolled in a campaign and/or segment. */
    public static List<Listed> list(Store store, Optional<String> campaign, Optional<String> segment) {
        Map<String, Suppression> suppressed = store.suppressions().all().stream()
                .collect(Collectors.toMap(Suppression::emailKey, s -> s));
        return store.contacts().all().stream()
                .map(stored -> listed(store, stored, suppressed))
                .filter(listed -> listed.enrolledIn().stream().anyMatch(place -> matches(place, campaign, segment))
                        || (campaign.isEmpty() && segment.isEmpty()))
                .toList();
    }

    private static Listed listed(Store store, Contacts.Stored stored, Map<String, Suppression> suppressed) {
        Optional<String> why = Optional.ofNullable(suppressed.get(stored.contact().email().key()))
                .map(s -> s.source() + (s.reason() == null ? "" : ": " + s.reason()));
        return new Listed(stored.contact(), store.enrollments().placesOf(stored.id()), why);
    }

    private static boolean matches(String place, Optional<String> campaign, Optional<String> segment) {
        String[] parts = place.split(":", 2);
        return campaign.map(parts[0]::equals).orElse(true) && segment.map(parts[1]::equals).orElse(true);
    }

    /**
     * Adds the address to the do-not-contact list and stops it everywhere: its sequences end and its messages
     * not yet handed to a server are cancelled.
     */
    public static Suppressed suppress(Store store, EmailAddress address, Optional<String> reason, Instant now) {
        if (store.suppressions().find(address.key()).isPresent()) {
            return new Suppressed(true, 0);
        }
        Optional<Long> contact = store.contacts().find(address).map(Contacts.Stored::id);
        return new Suppressed(false, store.changes().suppress(address.key(), contact, MANUAL, reason.orElse(null), now));
    }
}
