package org.outreach.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.outreach.campaign.FailureException;
import org.outreach.engine.ReplyAddresses;
import org.outreach.engine.ReplyTracker;
import org.outreach.mail.MailboxReader;
import org.outreach.store.Database;

/**
 * One poll of every mailbox where replies arrive. A mailbox that cannot be read is reported and left for the
 * next round; it never keeps the sending from going on.
 */
final class ReplyPolling {

    private final Database database;
    private final Context context;
    private final MailRoute mail;

    ReplyPolling(Database database, Context context, MailRoute mail) {
        this.database = database;
        this.context = context;
        this.mail = mail;
    }

    /**
     * Polls; prints a line per mailbox to {@code out} when given.
     *
     * @return the problems, one line each
     */
    List<String> pollAll(PrintWriter out) {
        ReplyTracker tracker = new ReplyTracker(database, context.workspace(), context.clock());
        List<String> addresses = database.transaction(store -> ReplyAddresses.ofLaunched(store, context.workspace()).all());
        List<String> problems = new ArrayList<>();
        for (MailboxReader mailbox : mail.mailboxes(addresses)) {
            try {
                ReplyTracker.Report report = tracker.poll(mailbox);
                problems.addAll(report.problems());
                if (out != null) {
                    out.printf("Read %d new messages from %s%s%s%n", report.read(), mailbox.describe(),
                            report.byKind().isEmpty() ? "" : ": " + report.byKind().entrySet().stream()
                                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")),
                            report.resync() ? " (the server renumbered the folder: read again, nothing counted twice)" : "");
                }
            } catch (FailureException e) {
                problems.add(e.getMessage());
            } catch (RuntimeException e) {
                problems.add("reading " + mailbox.folderKey() + " failed: " + e);
            }
        }
        return problems;
    }
}
