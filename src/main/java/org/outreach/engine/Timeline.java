package org.outreach.engine;

import java.util.List;

import org.outreach.campaign.BadInputException;
import org.outreach.campaign.Contact;
import org.outreach.campaign.EmailAddress;
import org.outreach.store.Contacts;
import org.outreach.store.History;
import org.outreach.store.Store;

/** One contact's history: every enrollment, send, retry, failure and suppression, oldest first. */
public record Timeline(Contact contact, List<History.Event> events) {

    public static Timeline of(Store store, String email) {
        EmailAddress address = EmailAddress.parse(email)
                .orElseThrow(() -> new BadInputException("\"" + email + "\" is not a valid email address"));
        Contacts.Stored stored = store.contacts().find(address)
                .orElseThrow(() -> new BadInputException(email + " is not a contact of this workspace"));
        return new Timeline(stored.contact(), store.history().of(stored.id()));
    }
}
