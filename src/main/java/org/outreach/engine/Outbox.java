package org.outreach.engine;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.outreach.campaign.Contact;
import org.outreach.campaign.EnrollmentState;

/**
 * The messages waiting to go out, as sending needs them: what the engine asks of a store. Reads run outside
 * any transaction that sending holds; every change goes through {@link #durably}, one transaction that is on
 * the disk when it returns, because sending relies on each record surviving a crash at any instant.
 *
 * <p>The claim is a guarded update of one row ({@code planned}/{@code retrying} to {@code sending}, checked against
 * replies, suppressions and pauses in the same statement), so several processes on one shared database can pick
 * from the same batch and only one claim of a message holds: on PostgreSQL, {@link #due} becomes a
 * {@code FOR UPDATE SKIP LOCKED} read and the claim gains an owner and a lease, behind this same interface.
 */
public interface Outbox {

    /** How many messages are due now, before any limit. */
    int countDue(Instant now);

    /** The mailboxes that have messages due now. */
    List<String> sendersWithDue(Instant now);

    /**
     * Up to {@code limit} messages one mailbox may send now, oldest due first, leaving out the campaigns in
     * {@code waiting} (their window is closed or a cap is reached). What was picked may still be stopped by a
     * reply or a pause before it is claimed: {@link Changes#claim} checks again.
     */
    List<OutboxMessage> due(String sender, Instant now, Collection<Long> waiting, int limit);

    /** Whom a message goes to, with their values as launched, and what went before it in their sequence. */
    Addressee addressee(OutboxMessage message);

    /** When the mailbox's messages were sent since {@code since}: what its limits count. */
    List<Instant> sentSince(String sender, Instant since);

    /** Messages left claimed by a process that stopped before it recorded the server's answer. */
    List<OutboxMessage> interrupted();

    /** Runs {@code work} in one transaction that is on the disk itself (not only in a cache) when it returns. */
    <T> T durably(Function<Changes, T> work);

    /** The contact as launched, and the messages of their sequence that went out, first step first. */
    record Addressee(Contact contact, List<Earlier> earlier) {

        public Optional<Earlier> first() {
            return earlier.stream().findFirst();
        }
    }

    /** A message of a contact's sequence that went out: what the next ones refer to. */
    record Earlier(int stepNumber, String messageId, String subject, Instant sentAt) {
    }

    /**
     * The moves of sending, inside one transaction. A move that must find its row in a state that may move
     * and does not is a bug: it throws, the transaction rolls back, and no history is written for it.
     */
    interface Changes {

        /**
         * Claims a message for sending with its Message-ID, before any server hears of it, checking in the same
         * statement that no reply, suppression or pause stopped it since it was picked; false when one did.
         */
        boolean claim(OutboxMessage message, String messageId, String subject, Instant now);

        void markSent(OutboxMessage message, String reply, Instant sentAt);

        void markRetrying(OutboxMessage message, Instant again, String error, Instant now);

        void markFailed(OutboxMessage message, String error, Instant now);

        /** Fails a message no server has seen, if it still waits; false when something ended it meanwhile. */
        boolean failUnsent(OutboxMessage message, String error, Instant now);

        void markUnknown(OutboxMessage message, String why, Instant now);

        boolean isActive(long enrollmentId);

        void plan(OutboxMessage after, String step, int stepNumber, Instant due, Instant now);

        /**
         * Ends one sequence if it still goes on: {@code completed} when its last step went out, {@code stopped}
         * with a reason otherwise. False when it had ended already, which is expected and not a bug: a reply, a
         * bounce, a suppression and a failure each end it, and any of them may come first.
         */
        boolean endEnrollment(long enrollmentId, EnrollmentState to, String reason, Instant now);

        /** Cancels the messages of a sequence no server has seen. */
        int cancelUnsentOfEnrollment(long enrollmentId, String reason, Instant now);

        void history(OutboxMessage message, Instant at, String event, String detail);

        /**
         * Puts an address on the do-not-contact list: every sequence it is in stops and its messages not yet
         * handed to a server are cancelled. Returns how many were; 0 also when it was suppressed already.
         */
        int suppress(String emailKey, Optional<Long> contactId, String source, String reason, Instant now);
    }
}
