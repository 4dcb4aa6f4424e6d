package org.outreach.campaign;

import java.util.Map;
import java.util.Optional;

/**
 * One person: an address and the other columns of their contacts row. Empty cells are not kept, so a template
 * that needs one fails the same way as for a column that is not there at all.
 *
 * @param row where the contact was read, to name it in problems; {@link Location#of(String)} for a stored contact
 */
public record Contact(EmailAddress email, Map<String, String> fields, Location row) {

    public static final String EMAIL = "email";

    public Contact {
        fields = ContactFields.of(fields, email.value());
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The display name used in the To header: first and last name when the row has them. */
    public String displayName() {
        return (field("first_name").orElse("") + " " + field("last_name").orElse("")).strip();
    }

    /** Names the contact in a problem: its row and address. */
    public String describe() {
        return row.line() > 0 ? row + " (" + email + ")" : email.value();
    }
}
