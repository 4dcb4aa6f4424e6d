package org.outreach.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.outreach.campaign.FailureException;
import org.outreach.campaign.Limits;
import org.outreach.campaign.Location;
import org.outreach.campaign.MessageState;
import org.outreach.campaign.RenderedEmail;
import org.outreach.campaign.RenderException;

/**
 * Sends the messages that are due, one mailbox at a time, within each campaign's limits and send window, over
 * as many connections at once as the transport allows ({@code connections:} in the settings, 1 by default).
 *
 * <p>Exactly once: a message's claim (state {@code sending}, with its Message-ID) is on the disk before the
 * server hears of it, and checks in the same statement that no reply, suppression or pause stopped it. The
 * server's answer is recorded in the very next durable commit, the one that claims the connection's next
 * message (or alone, when nothing follows at once): one commit and one {@code fsync} per message, where there
 * used to be four transactions and two syncs. A crash leaves at most one message per connection in
 * {@code sending}, which the next start turns into {@code unknown}: never sent again silently, never skipped.
 *
 * <p>Rendering, composing and the network never hold a database transaction open.
 */
public final class Dispatcher {

    /** Due messages read at a time; each is checked again when claimed. */
    private static final int BATCH = 200;

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
    public record Held(long campaignId, String sender, Limits limits, java.time.ZoneId zone, Pacer.Hold hold) {
    }

    /** Told about each message as its fate is recorded, for progress bars and logs. */
    public interface Listener {
        void recorded(String email, String step, Delivery.Outcome outcome, String detail);
    }

    private final Outbox outbox;
    private final SendingCampaigns campaigns;
    private final Clock clock;
    private final Transport transport;
    private final RetryPolicy retry;
    private final BooleanSupplier stopping;

    Dispatcher(Outbox outbox, SendingCampaigns campaigns, Clock clock, Transport transport, RetryPolicy retry,
               BooleanSupplier stopping) {
        this.outbox = outbox;
        this.campaigns = campaigns;
        this.clock = clock;
        this.transport = transport;
        this.retry = retry;
        this.stopping = stopping;
    }

    /** How many messages are due now, before any limit: what a run may send at most. */
    public int due() {
        return outbox.countDue(clock.instant());
    }

    /**
     * Turns messages a stopped process left in {@code sending} into {@code unknown}: the server may have them,
     * so they are never sent again without someone deciding ({@code outreach resolve}).
     */
    public int recoverInterrupted() {
        List<OutboxMessage> interrupted = outbox.interrupted();
        if (interrupted.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        String why = "the sending process stopped after claiming this message and before recording the"
                + " server's answer; check the recipient's mailbox or your Sent folder, then run outreach resolve";
        return outbox.durably(changes -> {
            for (OutboxMessage m : interrupted) {
                changes.markUnknown(m, why, now);
                Outcomes.history(changes, m, now, MessageState.UNKNOWN, why);
            }
            return interrupted.size();
        });
    }

    public Report sendDue(Listener listener) {
        Tally tally = new Tally();
        for (String sender : outbox.sendersWithDue(clock.instant())) {
            if (stopping.getAsBoolean()) {
                break;
            }
            new MailboxRun(sender, listener, tally).run();
        }
        return tally.report();
    }

    /**
     * One mailbox's due messages, shared by its connections. What the connections share (the queue, the
     * campaigns, the pacers, the tally) is guarded by this object's lock; sending and committing are not.
     */
    private final class MailboxRun {

        private final String sender;
        private final Listener listener;
        private final Tally tally;
        private final Map<Long, LaunchedCampaign> launched = new HashMap<>();
        private final Map<Long, Pacer> pacers = new HashMap<>();
        private final Map<Long, Limits> limits = new HashMap<>();
        /** Campaigns whose window is closed or whose caps are reached, for the rest of this run. */
        private final Set<Long> waiting = new HashSet<>();
        private final ArrayDeque<OutboxMessage> queue = new ArrayDeque<>();
        /** Every message queued in this run: one picked before comes back only if its claim found it stopped. */
        private final Set<Long> seen = new HashSet<>();
        /** Messages picked whose outcome is not counted yet: they count against the caps as if sent now. */
        private int inFlight;
        /**
         * Sends the server accepted whose record waits for its connection's next commit: a pacer made now reads
         * the database, which does not have them yet.
         */
        private final Map<Long, Instant> uncommitted = new HashMap<>();
        private boolean exhausted;
        /**
         * Set when the server refuses this mailbox, or a connection failed unexpectedly: every connection stops
         * after its message in flight.
         */
        private boolean halted;

        MailboxRun(String sender, Listener listener, Tally tally) {
            this.sender = sender;
            this.listener = listener;
            this.tally = tally;
        }

        void run() {
            int connections = Math.max(1, transport.connections());
            if (connections == 1) {
                new Sending(this).run();
                return;
            }
            ExecutorService pool = Executors.newFixedThreadPool(connections, r -> {
                Thread thread = new Thread(r, "outreach-send-" + sender);
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < connections; i++) {
                    running.add(pool.submit(new Sending(this)));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
        }

        /** The next message a connection may send, with its campaign; empty when this run is over for the mailbox. */
        synchronized Optional<Picked> next() {
            while (!stopping.getAsBoolean() && !halted) {
                OutboxMessage message = queue.poll();
                if (message == null) {
                    if (exhausted || !refill()) {
                        return Optional.empty();
                    }
                    continue;
                }
                if (waiting.contains(message.campaignId())) {
                    continue;
                }
                LaunchedCampaign campaign = launched.computeIfAbsent(message.campaignId(), campaigns::launched);
                Instant now = clock.instant();
                Pacer pacer = pacers.computeIfAbsent(message.campaignId(), id -> pacer(campaign, now));
                Optional<Pacer.Hold> hold = pacer.hold(now, inFlight);
                if (hold.isPresent()) {
                    waiting.add(message.campaignId());
                    tally.held.add(new Held(message.campaignId(), sender, limits.get(message.campaignId()),
                            campaign.campaign().window().zone(), hold.get()));
                    continue;
                }
                inFlight++;
                return Optional.of(new Picked(message, campaign));
            }
            return Optional.empty();
        }

        /** Reads the next batch of due messages; false when there are none. */
        private boolean refill() {
            List<OutboxMessage> batch = outbox.due(sender, clock.instant(), waiting, BATCH);
            exhausted = batch.size() < BATCH;
            batch.stream().filter(m -> seen.add(m.id())).forEach(queue::add);
            return !queue.isEmpty();
        }

        private Pacer pacer(LaunchedCampaign campaign, Instant now) {
            Limits mailbox = campaigns.mailboxLimits(campaign);
            limits.put(campaign.row().id(), mailbox);
            List<Instant> sent = new ArrayList<>(outbox.sentSince(sender, now.minus(Pacer.lookBack())));
            sent.addAll(uncommitted.values());
            return Pacer.forSending(mailbox, campaign.campaign().window(), sent);
        }

        /**
         * A picked message is done with: it no longer counts as in flight, and a send counts from the instant of
         * the server's answer, the one the database keeps as its sending time (the next gap's jitter is drawn from
         * it, in this run and the next).
         */
        synchronized void done(OutboxMessage message, Optional<Instant> sentAt) {
            inFlight--;
            sentAt.ifPresent(at -> {
                pacers.values().forEach(p -> p.sent(at));
                uncommitted.put(message.id(), at);
            });
        }

        /** The send of {@code message} is in the database now. */
        synchronized void committed(OutboxMessage message) {
            uncommitted.remove(message.id());
        }

        synchronized void failed() {
            halted = true;
        }

        synchronized void refused(String problem) {
            if (!halted) {
                halted = true;
                tally.problems.add(problem);
            }
        }

        /** A problem of this mailbox, said once however many of its connections met it. */
        synchronized void problem(String problem) {
            if (!tally.problems.contains(problem)) {
                tally.problems.add(problem);
            }
        }

        synchronized void counted(Consumer<Tally> count) {
            count.accept(tally);
        }
    }

    private record Picked(OutboxMessage message, LaunchedCampaign campaign) {
    }

    /**
     * One connection's loop: pick, render, claim (with the previous message's outcome, in one durable commit),
     * send. The outcome of the message last sent waits in {@link #pending} for that commit, as long as it takes
     * to pick and render the next message (and, for a campaign's first message in the run, to read the campaign);
     * when nothing is claimed next, it is committed alone. A crash in that time leaves it {@code unknown}, like
     * a crash while it was on the wire: still at most one per connection.
     */
    private final class Sending implements Runnable {

        private final MailboxRun run;
        private final List<Recorded> pending = new ArrayList<>();
        private Transport.Connection connection;

        Sending(MailboxRun run) {
            this.run = run;
        }

        @Override
        public void run() {
            try {
                Optional<Picked> picked;
                while ((picked = nextOrSettle()).isPresent()) {
                    if (!send(picked.get())) {
                        break;
                    }
                }
            } catch (RuntimeException | Error e) {
                run.failed(); // the other connections stop after their message in flight
                throw e;
            } finally {
                settle();
                if (connection != null) {
                    connection.close();
                }
            }
        }

        /** The next message; the outcome waiting for a commit is committed first when picking may take a while. */
        private Optional<Picked> nextOrSettle() {
            Optional<Picked> next = run.next();
            if (next.isEmpty()) {
                settle();
            }
            return next;
        }

        /** Sends one message; false when this connection cannot send any more in this run. */
        private boolean send(Picked picked) {
            OutboxMessage message = picked.message();
            Instant now = clock.instant();
            Optional<Draft> draft = draft(message, picked.campaign(), now);
            if (draft.isEmpty()) {
                run.done(message, Optional.empty());
                return true;
            }
            if (connection == null && !connect()) {
                run.done(message, Optional.empty());
                return false;
            }
            boolean claimed = commit(changes -> {
                if (!changes.claim(message, draft.get().messageId(), draft.get().subject(), now)) {
                    return false;
                }
                Outcomes.history(changes, message, now, MessageState.SENDING, draft.get().messageId() + " " + draft.get().subject());
                return true;
            });
            if (!claimed) {
                run.done(message, Optional.empty());
                return true;
            }
            Delivery delivery = deliver(draft.get());
            Instant answeredAt = clock.instant();
            run.done(message, delivery.outcome() == Delivery.Outcome.ACCEPTED ? Optional.of(answeredAt) : Optional.empty());
            pending.add(outcome(message, picked.campaign(), draft.get(), delivery, answeredAt));
            if (delivery.connectionLost()) {
                connection.close();
                connection = null;
            }
            if (delivery.outcome() == Delivery.Outcome.REFUSED) {
                settle();
                run.refused("the server refused to send for " + run.sender + ": " + delivery.reply()
                        + "; sending from this mailbox stops until the next round");
                return false;
            }
            return true;
        }

        /** Commits the outcomes waiting, with {@code work}, in one durable transaction; then tells of them. */
        private <T> T commit(java.util.function.Function<Outbox.Changes, T> work) {
            List<Recorded> recorded = List.copyOf(pending);
            T result = outbox.durably(changes -> {
                recorded.forEach(r -> r.record(changes));
                return work.apply(changes);
            });
            pending.clear();
            // Listeners (a progress bar, a log) hear of one message at a time, whichever connection sent it.
            synchronized (run) {
                recorded.forEach(Recorded::told);
            }
            return result;
        }

        private void settle() {
            if (!pending.isEmpty()) {
                commit(changes -> null);
            }
        }

        /** Sends; an unexpected failure of the mail code leaves the message's fate unknown, never silently lost. */
        private Delivery deliver(Draft draft) {
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
                run.problem(e.getMessage());
                return false;
            }
        }

        /**
         * Renders the message from the campaign as launched, outside any transaction; a message that cannot be
         * rendered fails visibly, with the next commit.
         */
        private Optional<Draft> draft(OutboxMessage message, LaunchedCampaign campaign, Instant now) {
            Outbox.Addressee to = outbox.addressee(message);
            try {
                RenderedEmail email = campaign.render(message.segment(), message.step(), to.contact());
                Optional<Outbox.Earlier> first = to.first();
                String subject = first.isEmpty() || email.subject().isPresent()
                        ? email.subject().orElseThrow(() -> new RenderException(
                                Location.of(campaign.row().definitionPath()),
                                "step " + message.step() + " has no Subject and no earlier message to reply to"))
                        : Threading.subject(email, first.get().subject());
                String messageId = Envelope.newMessageId(campaign.campaign().sender().email());
                List<String> references = to.earlier().stream().map(Outbox.Earlier::messageId).toList();
                return Optional.of(new Draft(to, email, new Envelope(messageId, now, subject, references)));
            } catch (RenderException e) {
                String why = "cannot be rendered: " + e.where() + ": " + e.getMessage();
                String email = to.contact().email().value();
                pending.add(new Recorded() {
                    private boolean failed;

                    @Override
                    public void record(Outbox.Changes changes) {
                        failed = Outcomes.failedUnsent(changes, message, why, now);
                    }

                    @Override
                    public void told() {
                        if (failed) {
                            run.counted(t -> t.failed++);
                            run.listener.recorded(email, message.step(), Delivery.Outcome.REJECTED, why);
                        }
                    }
                });
                return Optional.empty();
            }
        }

        /** What the server's answer records, and what is told once it is recorded. */
        private Recorded outcome(OutboxMessage message, LaunchedCampaign campaign, Draft draft, Delivery delivery,
                                 Instant at) {
            String email = draft.to().contact().email().value();
            boolean gaveUp = delivery.outcome() == Delivery.Outcome.TRANSIENT
                    && retry.givesUp(Optional.ofNullable(message.firstAttemptAt()).orElse(at), at);
            Consumer<Outbox.Changes> outcome = changes -> {
                switch (delivery.outcome()) {
                    case ACCEPTED -> Outcomes.sent(changes, message, campaign, delivery.reply(), at, at);
                    case TRANSIENT -> {
                        if (gaveUp) {
                            Outcomes.failed(changes, message, "gave up after " + retry.giveUpAfter().toString()
                                    .substring(2).toLowerCase(Locale.ROOT) + " of temporary failures; the last: "
                                    + delivery.reply(), at);
                        } else {
                            Instant again = at.plus(retry.delayAfter(message.attempts() + 1));
                            changes.markRetrying(message, again, delivery.reply(), at);
                            Outcomes.history(changes, message, at, MessageState.RETRYING,
                                    delivery.reply() + "; next attempt " + again);
                        }
                    }
                    case RECIPIENT_REJECTED -> Outcomes.bounced(changes, message, draft.to().contact().email().key(),
                            delivery.reply(), at);
                    case REJECTED -> Outcomes.failed(changes, message, delivery.reply(), at);
                    case REFUSED -> {
                        // Not this message's fault: it waits, and is tried again once the mailbox can send.
                        Instant again = at.plus(retry.delayAfter(message.attempts() + 1));
                        changes.markRetrying(message, again, delivery.reply(), at);
                        Outcomes.history(changes, message, at, MessageState.RETRYING, "the server refused to send"
                                + " for this mailbox: " + delivery.reply() + "; next attempt " + again);
                    }
                    case UNKNOWN -> {
                        String why = "the connection broke after the message was sent and before the server answered: "
                                + delivery.reply();
                        changes.markUnknown(message, why, at);
                        Outcomes.history(changes, message, at, MessageState.UNKNOWN, why);
                    }
                    default -> throw new IllegalStateException("bug: outcome " + delivery.outcome());
                }
            };
            Transport.Connection sentOver = connection;
            return new Recorded() {
                @Override
                public void record(Outbox.Changes changes) {
                    outcome.accept(changes);
                }

                @Override
                public void told() {
                    run.committed(message);
                    run.counted(t -> t.count(delivery.outcome(), gaveUp));
                    if (delivery.outcome() == Delivery.Outcome.ACCEPTED) {
                        sentOver.recorded(draft.envelope());
                    }
                    run.listener.recorded(email, message.step(), delivery.outcome(), delivery.reply());
                }
            };
        }
    }

    /** A change waiting for the next durable commit, and what to tell once it is committed. */
    private interface Recorded {

        void record(Outbox.Changes changes);

        void told();
    }

    /** A rendered message ready to claim and send; the transport composes it, outside any database transaction. */
    private record Draft(Outbox.Addressee to, RenderedEmail email, Envelope envelope) {

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

        void count(Delivery.Outcome outcome, boolean gaveUp) {
            switch (outcome) {
                case ACCEPTED -> sent++;
                case TRANSIENT -> {
                    if (gaveUp) {
                        failed++;
                    } else {
                        retrying++;
                    }
                }
                case REFUSED -> retrying++;
                case RECIPIENT_REJECTED, REJECTED -> failed++;
                case UNKNOWN -> unknown++;
                default -> throw new IllegalStateException("bug: outcome " + outcome);
            }
        }

        Report report() {
            return new Report(sent, retrying, failed, unknown, List.copyOf(problems), List.copyOf(held));
        }
    }
}
