package org.outreach.engine;

import java.util.Optional;

/**
 * One inbound message that changed something, as the daemon reports it: who it was about, what it turned out to
 * be, in which campaign, and what it did ("follow-ups stopped").
 *
 * @param who      the person: the sender of a reply, or the failed recipients of a bounce or complaint
 * @param kind     reply, auto-reply, bounce, complaint or unsubscribe ({@link ReplyTracker#kindName})
 * @param campaign the campaign key of the message it answers; empty for a bounce we could not match
 * @param contact  the contact it counted for when {@code who} is someone else, such as a colleague answering a
 *                 forwarded email: without it the report would not say whose follow-ups stopped
 */
public record Received(String who, String kind, Optional<String> campaign, String effect, Optional<String> contact) {
}
