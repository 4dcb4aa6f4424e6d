package org.outreach.engine;

import java.util.List;
import java.util.stream.Collectors;

import org.outreach.campaign.Contact;
import org.outreach.campaign.Segment;

/** Names a few contacts in one line of a problem. */
final class ContactList {

    private static final int SHOWN = 3;

    private ContactList() {
    }

    static String describe(List<Contact> contacts, int segmentSize, Segment segment) {
        if (contacts.size() > 1 && contacts.size() == segmentSize) {
            return "for all " + segmentSize + " contacts of segment " + segment.name() + ", first "
                    + contacts.get(0).describe();
        }
        String shown = contacts.stream().limit(SHOWN).map(Contact::describe).collect(Collectors.joining(", "));
        int more = contacts.size() - SHOWN;
        return "for " + shown + (more > 0 ? " and " + more + " more" : "");
    }

    /** "2 contacts (row (address), row (address))": how many, and the first few. */
    static String counted(List<Contact> contacts) {
        String first = contacts.stream().limit(SHOWN).map(Contact::describe).collect(Collectors.joining(", "));
        return contacts.size() + (contacts.size() == 1 ? " contact (" : " contacts (") + first
                + (contacts.size() > SHOWN ? ", …" : "") + ")";
    }
}
