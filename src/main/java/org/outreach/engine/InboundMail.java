package org.outreach.engine;

import java.time.Instant;
import java.util.Optional;

import org.outreach.inbound.Classification;

/**
 * A message read from a mailbox, parsed and classified by the adapter: what matching and recording need.
 *
 * @param key        the Message-ID, or for a message without one a digest of its text: what makes it the same message
 * @param from       the sender's address, lower case, when there is one
 * @param sentAt     the Date header, when there is a readable one
 * @param inReplyTo  the In-Reply-To header as written ("" when absent)
 * @param references the References header as written ("" when absent)
 * @param firstLines the start of what the sender wrote, quotes and signatures left out
 */
public record InboundMail(long uid, String key, Optional<String> from, String subject, Optional<Instant> sentAt,
                          String inReplyTo, String references, String firstLines, Classification classification)
        implements Mailbox.Item {
}
