package org.outreach.campaign;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as people write it in a CSV file. Two addresses are the same contact when they are equal
 * ignoring case ({@link #key()}), which is how people and most mail systems treat them.
 */
public record EmailAddress(String value) {

    /** The HTML living standard's "valid email address", with at least one dot in the domain. */
    private static final Pattern VALID = Pattern.compile(
            "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
                    + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+");
    private static final int MAX_LENGTH = 254;

    public EmailAddress {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid email address: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && candidate.length() <= MAX_LENGTH && VALID.matcher(candidate).matches();
    }

    public static Optional<EmailAddress> parse(String candidate) {
        String trimmed = candidate == null ? null : candidate.strip();
        return isValid(trimmed) ? Optional.of(new EmailAddress(trimmed)) : Optional.empty();
    }

    /** The form used to compare and store addresses. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
