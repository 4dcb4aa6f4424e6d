package org.outreach.mail;

import java.time.Instant;
import java.util.List;

/**
 * The headers one sending adds to a rendered email.
 *
 * @param messageId  {@code <…@sender-domain>}, recorded before the message is handed to a server
 * @param subject    the subject as sent: the step's own, or {@code Re: } and the first step's
 * @param references Message-IDs of the earlier messages of the sequence, oldest first; the last one is replied to
 */
public record Envelope(String messageId, Instant date, String subject, List<String> references) {
}
