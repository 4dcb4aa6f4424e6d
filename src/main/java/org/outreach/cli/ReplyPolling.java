package org.outreach.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;

import org.outreach.engine.ReplyAddresses;
import org.outreach.engine.ReplyTracker;
import org.outreach.mail.MailboxReader;
import org.outreach.store.Database;
import org.outreach.workspace.Settings;
import org.outreach.workspace.Workspace;

/**
 * Where replies arrive, and one poll of them now ({@code replies poll}). The daemon's rounds poll through
 * {@link org.outreach.engine.Round}, asking {@link #mailboxes()} each round.
 */
final class ReplyPolling {

    private final Database database;
    private final Workspace workspace;
    private final Clock clock;
    private final MailRoute mail;

    ReplyPolling(Database database, Workspace workspace, Clock clock, MailRoute mail) {
        this.database = database;
        this.workspace = workspace;
        this.clock = clock;
        this.mail = mail;
    }

    /** The mailboxes to read, as of now: a campaign launched since the last round adds its own. */
    List<MailboxReader> mailboxes() {
        return mail.mailboxes(addresses());
    }

    /** The addresses whose mailboxes receive the replies: kept apart, as the one place that decides it. */
    private List<String> addresses() {
        return database.transaction(store -> ReplyAddresses.ofLaunched(store, workspace).all());
    }

    /**
     * The replies these settings will not read (a reply_to whose mailbox is not configured), one line each: the
     * daemon and {@code replies poll} say it where the organizer looks, as {@code check-mail} does.
     */
    List<String> unread(Settings.Mail settings) {
        return database.transaction(store -> ReplyAddresses.ofLaunched(store, workspace).unread(settings));
    }

    /**
     * Polls every mailbox now and prints a line per mailbox, and per message that changed something, to {@code out}.
     *
     * @return the problems, one line each
     */
    List<String> pollAll(PrintWriter out) {
        ReplyTracker.Polls polls = new ReplyTracker(database, workspace, clock).pollAll(mailboxes());
        RoundLines.inbound(polls.polled()).forEach(out::println);
        return polls.problems();
    }
}
