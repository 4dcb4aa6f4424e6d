package org.outreach.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.outreach.campaign.CampaignState;
import org.outreach.store.Database;
import org.outreach.store.Messages;
import org.outreach.workspace.Workspace;

/**
 * One round of the daemon: settle what a stopped run left in flight, read every reply mailbox, send what is due,
 * and say why what was due and did not go out is waiting. The long-running daemon, {@code daemon --once} and the
 * demo all run this one round, so none of them can drift from the others. It prints nothing: the shells decide
 * how to tell it.
 */
public final class Round {

    /** Told when the sending starts and about each message as its fate is recorded, for progress bars. */
    public interface Listener extends Dispatcher.Listener {

        /** The sending starts with this many messages due (before any limit). */
        default void sending(int due) {
        }
    }

    /**
     * What one round did.
     *
     * @param recovered messages a stopped run left {@code sending}, now {@code unknown}
     * @param due       messages due when the sending started, before any limit
     * @param waiting   per campaign, the due messages that did not go out and why
     * @param problems  what went wrong (a mailbox that cannot be read, a server that refuses), one line each
     */
    public record Report(int recovered, List<ReplyTracker.Polled> polled, int due, Dispatcher.Report sending,
                         List<Waiting> waiting, List<String> problems) {

        /** The inbound messages that changed something, from every mailbox. */
        public List<Received> received() {
            return polled.stream().flatMap(p -> p.report().received().stream()).toList();
        }
    }

    private final Database database;
    private final Clock clock;
    private final Dispatcher dispatcher;
    private final ReplyTracker replies;
    private final Supplier<List<? extends Mailbox>> mailboxes;
    private final BooleanSupplier stopping;

    /**
     * @param mailboxes where replies arrive, asked again each round (a campaign launched meanwhile adds its own)
     * @param stopping  asked between messages and mailboxes; once true the round ends after the message in flight
     */
    public Round(Database database, Workspace workspace, Clock clock, Transport transport, RetryPolicy retry,
                 Supplier<List<? extends Mailbox>> mailboxes, BooleanSupplier stopping) {
        this.database = database;
        this.clock = clock;
        this.dispatcher = new Dispatcher(database.outbox(), new SendingCampaigns(database, workspace), clock, transport, retry,
                stopping);
        this.replies = new ReplyTracker(database, workspace, clock);
        this.mailboxes = mailboxes;
        this.stopping = stopping;
    }

    public Report run(Listener listener) {
        // Nothing of ours is in flight between rounds: a message still 'sending' lost its answer to a crash.
        int recovered = dispatcher.recoverInterrupted();
        // Replies before sending: a reply that arrived since the last round stops its follow-up in this one.
        ReplyTracker.Polls polls = stopping.getAsBoolean() ? new ReplyTracker.Polls(List.of(), List.of())
                : replies.pollAll(mailboxes.get());
        int due = dispatcher.due();
        listener.sending(due);
        Dispatcher.Report sending = dispatcher.sendDue(listener);
        List<String> problems = new ArrayList<>(polls.problems());
        problems.addAll(sending.problems());
        return new Report(recovered, polls.polled(), due, sending, waiting(sending.held()), List.copyOf(problems));
    }

    /** The due messages left after sending, per campaign, with what held each campaign back. */
    private List<Waiting> waiting(List<Dispatcher.Held> held) {
        Instant now = clock.instant();
        Map<Long, Dispatcher.Held> byCampaign = held.stream()
                .collect(Collectors.toMap(Dispatcher.Held::campaignId, Function.identity(), (first, later) -> first));
        List<Waiting> waiting = new ArrayList<>();
        for (Messages.DueCount due : database.transaction(store -> store.messages().countDueByCampaign(now))) {
            if (due.state() == CampaignState.PAUSED) {
                waiting.add(new Waiting(due.campaignKey(), due.messages(), Waiting.Reason.PAUSED, null, null, null, null));
            }
            Optional.ofNullable(byCampaign.get(due.campaignId())).filter(h -> due.state() == CampaignState.ACTIVE)
                    .ifPresent(h -> waiting.add(new Waiting(due.campaignKey(), due.messages(), h.hold().reason(),
                            h.sender(), h.limits(), h.hold().until(), h.zone())));
        }
        return List.copyOf(waiting);
    }
}
