package org.outreach.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.outreach.campaign.Contact;
import org.outreach.campaign.FailureException;
import org.outreach.campaign.MessageState;
import org.outreach.campaign.RenderedEmail;
import org.outreach.render.RenderException;
import org.outreach.store.Database;
import org.outreach.store.Messages;
import org.outreach.workspace.Workspace;

/**
 * Sends the messages that are due, one mailbox at a time over one connection, within each campaign's limits
 * and send window.
 *
 * <p>Each message goes through two commits. The claim records its Message-ID and state {@code sending} before
 * the server hears of it, checking in the same statement that no reply, suppression or pause stopped it. The
 * result records {@code sent} (and plans the next step) right after the server's answer. A crash between the
 * two leaves {@code sending}, which the next start turns into {@code unknown}: never sent again silently.
 */
public final class Dispatcher {

    /**
     * What one run did.
     *
     * @param held the campaigns whose due messages the limits or the window kept back, and until when
     */
    public record Report(int sent, int retrying, int failed, int unknown, List<String> problems, List<Held> held) {

        public int total() {
            return sent + retrying + failed + unknown;
        }
    }

    /** A campaign whose messages wait: the mailbox's limits it obeys, in its window's zone, and what holds it. */
    public record Held(long campaignId, String sender, org.outreach.campaign.Limits limits, java.time.ZoneId zone,
                       Pacer.Hold hold) {
    }

    /** Told about each message as its fate is recorded, for progress bars and logs. */
    public interface Listener {
        void recorded(String email, String step, Delivery.Outcome outcome, String detail);
    }

    private final Database database;
    private final Workspace workspace;
    private final Clock clock;
    private final Transport transport;
    private final RetryPolicy retry;
    private final BooleanSupplier stopping;

    public Dispatcher(Database database, Workspace workspace, Clock clock, Transport transport, RetryPolicy retry,
                      BooleanSupplier stopping) {
        this.database = database;
        this.workspace = workspace;
        this.clock = clock;
        this.transport = transport;
        this.retry = retry;
        this.stopping = stopping;
    }

    /** How many messages are due now, before any limit: what a run may send at most. */
    public int due() {
        Instant now = clock.instant();
        return database.transaction(store -> store.messages().countDue(now));
    }

    /**
     * Turns messages a stopped process left in {@code sending} into {@code unknown}: the server may have them,
     * so they are never sent again without someone deciding ({@code outreach resolve}).
     */
    public int recoverInterrupted() {
        Instant now = clock.instant();
        return database.transaction(store -> {
            int n = 0;
            for (Messages.Interrupted m : store.messages().interrupted()) {
                String why = "the sending process stopped after claiming this message and before recording the"
                        + " server's answer; check the recipient's mailbox or your Sent folder, then run outreach resolve";
                store.messages().markUnknown(m.id(), why, now);
                store.history().record(m.contactId(), m.campaignId(), m.id(), now, MessageState.UNKNOWN.toString(), why);
                n++;
            }
            return n;
        });
    }

    public Report sendDue(Listener listener) {
        Tally tally = new Tally();
        Instant now = clock.instant();
        for (String sender : database.transaction(store -> store.messages().sendersWithDue(now))) {
            if (stopping.getAsBoolean()) {
                break;
            }
            new MailboxRun(sender, listener, tally).run();
        }
        return tally.report();
    }

    /** One mailbox's due messages over one connection. */
    private final class MailboxRun {

        private final String sender;
        private final Listener listener;
        private final Tally tally;
        private final Map<Long, LaunchedCampaign> campaigns = new HashMap<>();
        private final Map<Long, Pacer> pacers = new HashMap<>();
        private final Map<Long, org.outreach.campaign.Limits> limits = new HashMap<>();
        /** Campaigns whose window is closed or whose caps are reached, for the rest of this run; -1 keeps SQL valid. */
        private final List<Long> waiting = new ArrayList<>(List.of(-1L));
        private Transport.Connection connection;

        MailboxRun(String sender, Listener listener, Tally tally) {
            this.sender = sender;
            this.listener = listener;
            this.tally = tally;
        }

        void run() {
            try {
                while (!stopping.getAsBoolean()) {
                    Instant now = clock.instant();
                    Optional<Messages.Due> due = database.transaction(store -> store.messages().nextDue(sender, now, waiting));
                    if (due.isEmpty() || !send(due.get(), now)) {
                        break;
                    }
                }
            } finally {
                if (connection != null) {
                    connection.close();
                }
            }
        }

        /** Sends one message; false when this mailbox cannot send any more in this run. */
        private boolean send(Messages.Due message, Instant now) {
            LaunchedCampaign campaign = campaigns.computeIfAbsent(message.campaignId(),
                    id -> database.transaction(store -> LaunchedCampaign.load(store, workspace, id)));
            Pacer pacer = pacers.computeIfAbsent(message.campaignId(), id -> pacer(campaign, now));
            Optional<Pacer.Hold> hold = pacer.hold(now);
            if (hold.isPresent()) {
                waiting.add(message.campaignId());
                tally.held.add(new Held(message.campaignId(), sender, limits.get(message.campaignId()),
                        campaign.campaign().window().zone(), hold.get()));
                return true;
            }
            Optional<Draft> draft = draft(message, campaign, now);
            if (draft.isEmpty()) {
                return true;
            }
            if (connection == null && !connect()) {
                return false;
            }
            boolean claimed = database.durableTransaction(store -> {
                if (!store.messages().claim(message.id(), draft.get().messageId(), draft.get().subject(), now)) {
                    return false;
                }
                Outcomes.history(store, message, now, MessageState.SENDING, draft.get().messageId() + " " + draft.get().subject());
                return true;
            });
            if (!claimed) {
                return true;
            }
            Delivery delivery = send(draft.get());
            Instant recordedAt = record(message, campaign, draft.get().to(), delivery);
            if (delivery.outcome() == Delivery.Outcome.ACCEPTED) {
                // The very instant the database keeps: the next gap's jitter is drawn from it, in this run and the next.
                pacers.values().forEach(p -> p.sent(recordedAt));
                connection.recorded(draft.get().envelope());
            }
            if (delivery.connectionLost()) {
                connection.close();
                connection = null;
            }
            if (delivery.outcome() == Delivery.Outcome.REFUSED) {
                tally.problems.add("the server refused to send for " + sender + ": " + delivery.reply()
                        + "; sending from this mailbox stops until the next round");
                return false;
            }
            return true;
        }

        /**
         * A pacer for one campaign's window under the limits of the whole mailbox, counting every send the mailbox
         * made: a campaign with a lax {@code min_gap} must not undo a stricter one of the same sender.
         */
        private Pacer pacer(LaunchedCampaign campaign, Instant now) {
            return database.transaction(store -> {
                org.outreach.campaign.Limits mailbox = MailboxLimits.forCampaign(store, workspace, campaign.row(),
                        campaign.campaign()).limits();
                limits.put(campaign.row().id(), mailbox);
                return Pacer.forSending(mailbox, campaign.campaign().window(),
                        store.messages().sentSince(sender, now.minus(Pacer.lookBack())));
            });
        }

        /** Sends; an unexpected failure of the mail code leaves the message's fate unknown, never silently lost. */
        private Delivery send(Draft draft) {
            try {
                return connection.send(draft.email(), draft.envelope());
            } catch (RuntimeException e) {
                return new Delivery(Delivery.Outcome.UNKNOWN, "sending failed unexpectedly: " + e, true);
            }
        }

        private boolean connect() {
            try {
                connection = transport.connect();
                return true;
            } catch (FailureException e) {
                tally.problems.add(e.getMessage());
                return false;
            }
        }

        /** Renders the message from the campaign as launched; a message that cannot be rendered fails visibly. */
        private Optional<Draft> draft(Messages.Due message, LaunchedCampaign campaign, Instant now) {
            return database.transaction(store -> {
                Contact contact = store.enrollments().asLaunched(message.enrollmentId());
                try {
                    RenderedEmail email = campaign.render(message.segment(), message.step(), contact);
                    List<Messages.Sent> earlier = store.messages().sentOf(message.enrollmentId());
                    String subject = earlier.isEmpty() || email.subject().isPresent()
                            ? email.subject().orElseThrow(() -> new RenderException(
                                    org.outreach.campaign.Location.of(campaign.row().definitionPath()),
                                    "step " + message.step() + " has no Subject and no earlier message to reply to"))
                            : Threading.subject(email, earlier.get(0).subject());
                    String messageId = Envelope.newMessageId(campaign.campaign().sender().email());
                    List<String> references = earlier.stream().map(Messages.Sent::messageId).toList();
                    return Optional.of(new Draft(contact, email, new Envelope(messageId, now, subject, references)));
                } catch (RenderException e) {
                    String why = "cannot be rendered: " + e.where() + ": " + e.getMessage();
                    if (!Outcomes.failedUnsent(store, message, why, now)) {
                        return Optional.empty();
                    }
                    tally.failed++;
                    listener.recorded(contact.email().value(), message.step(), Delivery.Outcome.REJECTED, why);
                    return Optional.empty();
                }
            });
        }

        /** Records the server's answer; returns the time it was recorded at, which a send's sent_at is. */
        private Instant record(Messages.Due message, LaunchedCampaign campaign, Contact to, Delivery delivery) {
            Instant now = clock.instant();
            database.durableTransaction(store -> {
                switch (delivery.outcome()) {
                    case ACCEPTED -> {
                        Outcomes.sent(store, message, campaign, delivery.reply(), now, now);
                        tally.sent++;
                    }
                    case TRANSIENT -> {
                        Instant first = Optional.ofNullable(message.firstAttemptAt()).orElse(now);
                        if (retry.givesUp(first, now)) {
                            Outcomes.failed(store, message, "gave up after " + retry.giveUpAfter().toString()
                                    .substring(2).toLowerCase(java.util.Locale.ROOT) + " of temporary failures; the last: "
                                    + delivery.reply(), now);
                            tally.failed++;
                        } else {
                            Instant again = now.plus(retry.delayAfter(message.attempts() + 1));
                            store.messages().markRetrying(message.id(), again, delivery.reply(), now);
                            Outcomes.history(store, message, now, MessageState.RETRYING, delivery.reply() + "; next attempt " + again);
                            tally.retrying++;
                        }
                    }
                    case RECIPIENT_REJECTED -> {
                        Outcomes.bounced(store, message, to.email().key(), delivery.reply(), now);
                        tally.failed++;
                    }
                    case REJECTED -> {
                        Outcomes.failed(store, message, delivery.reply(), now);
                        tally.failed++;
                    }
                    case REFUSED -> {
                        // Not this message's fault: it waits, and is tried again once the mailbox can send.
                        Instant again = now.plus(retry.delayAfter(message.attempts() + 1));
                        store.messages().markRetrying(message.id(), again, delivery.reply(), now);
                        Outcomes.history(store, message, now, MessageState.RETRYING, "the server refused to send for this"
                                + " mailbox: " + delivery.reply() + "; next attempt " + again);
                        tally.retrying++;
                    }
                    case UNKNOWN -> {
                        String why = "the connection broke after the message was sent and before the server answered: "
                                + delivery.reply();
                        store.messages().markUnknown(message.id(), why, now);
                        Outcomes.history(store, message, now, MessageState.UNKNOWN, why);
                        tally.unknown++;
                    }
                    default -> throw new IllegalStateException("bug: outcome " + delivery.outcome());
                }
                return null;
            });
            listener.recorded(to.email().value(), message.step(), delivery.outcome(), delivery.reply());
            return now;
        }
    }

    /** A rendered message ready to claim and send; the transport composes it, outside any database transaction. */
    private record Draft(Contact to, RenderedEmail email, Envelope envelope) {

        String messageId() {
            return envelope.messageId();
        }

        String subject() {
            return envelope.subject();
        }
    }

    private static final class Tally {

        int sent;
        int retrying;
        int failed;
        int unknown;
        final List<String> problems = new ArrayList<>();
        final List<Held> held = new ArrayList<>();

        Report report() {
            return new Report(sent, retrying, failed, unknown, List.copyOf(problems), List.copyOf(held));
        }
    }
}
