package org.outreach.engine;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.outreach.campaign.EmailAddress;

/**
 * The headers one sending adds to a rendered email.
 *
 * @param messageId  {@code <…@sender-domain>}, recorded before the message is handed to a server
 * @param subject    the subject as sent: the step's own, or {@code Re: } and the first step's
 * @param references Message-IDs of the earlier messages of the sequence, oldest first; the last one is replied to
 */
public record Envelope(String messageId, Instant date, String subject, List<String> references) {

    /**
     * A new Message-ID in the sender's own domain, as mail clients make them. Made here, not by the transport,
     * because the engine records it before any server hears of the message.
     */
    public static String newMessageId(EmailAddress sender) {
        return "<" + UUID.randomUUID() + "@" + sender.domain() + ">";
    }
}
