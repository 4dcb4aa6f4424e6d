package org.outreach.engine;

/**
 * What became of one message handed to a mail server.
 *
 * @param reply          the server's answer, or what went wrong, for the history
 * @param connectionLost the connection cannot be used for another message
 */
public record Delivery(Outcome outcome, String reply, boolean connectionLost) {

    public enum Outcome {
        /** The server took responsibility for the message (2xx). */
        ACCEPTED,
        /** Not delivered, worth trying again later: a 4xx reply, or the connection failed before the server had it. */
        TRANSIENT,
        /** The server refused the recipient for good (5xx to RCPT): the address bounced. */
        RECIPIENT_REJECTED,
        /** The server refused this message for good (5xx after the data: its content or size). */
        REJECTED,
        /**
         * The server refused to send for this account (5xx to MAIL FROM, or a policy refusal of a recipient such
         * as "relay denied" or "quota exceeded"): no message from this mailbox will fare better until someone acts.
         */
        REFUSED,
        /** The connection failed after the whole message was sent and before the answer: it may have been delivered. */
        UNKNOWN
    }
}
