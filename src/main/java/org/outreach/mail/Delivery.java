package org.outreach.mail;

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
        /** The server refused the message for good (5xx). */
        REJECTED,
        /** The connection failed after the whole message was sent and before the answer: it may have been delivered. */
        UNKNOWN
    }
}
