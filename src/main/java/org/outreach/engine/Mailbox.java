package org.outreach.engine;

import java.util.List;

/**
 * A folder replies arrive in, as the engine reads it: incrementally, by UID. The adapter ({@code mail}) reads
 * the messages, parses their headers and classifies them; the engine matches and records what they mean.
 */
public interface Mailbox {

    /** The folder as people say it: "INBOX of maya@example.org". */
    String describe();

    /** The folder's name in the cursor table: the same mailbox read through another port is the same mailbox. */
    String folderKey();

    /**
     * The messages after {@code lastUid}, when the folder's UIDVALIDITY is still {@code uidValidity}; all of them
     * (up to a batch) otherwise.
     *
     * @throws org.outreach.campaign.FailureException when the server cannot be reached or read
     */
    Fetched fetchAfter(long uidValidity, long lastUid);

    /**
     * What a poll read, in UID order.
     *
     * @param resync the folder's UIDVALIDITY changed: UIDs start over and everything was read again
     */
    record Fetched(long uidValidity, List<Item> items, boolean resync) {
    }

    /** One message of the folder: read, or not readable (skipped, and said). */
    sealed interface Item permits InboundMail, Unreadable {
        long uid();
    }

    /** A message that could not be read or parsed (malformed MIME, a server error on just this one). */
    record Unreadable(long uid, String why) implements Item {
    }
}
