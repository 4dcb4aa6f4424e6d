package org.outreach.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.outreach.campaign.FailureException;
import org.outreach.daemon.Daemon;
import org.outreach.daemon.WorkspaceLock;
import org.outreach.engine.RetryPolicy;
import org.outreach.engine.Round;
import org.outreach.engine.StatusReport;
import org.outreach.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "daemon", description = {
        "Send the messages that are due, within limits and send windows, on and on.",
        "Every --interval it sends what is due; a follow-up is planned when the step before it is sent.",
        "Ctrl-C or SIGTERM stops it cleanly. With --once it runs one round and exits (for cron)."})
final class DaemonCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Option(names = "--once", description = "Run one round and exit.")
    boolean once;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "30",
            description = "Seconds between rounds (default: ${DEFAULT-VALUE}).")
    long intervalSeconds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (intervalSeconds < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--interval must be at least 1 second");
        }
        Context context = root.context();
        AtomicBoolean stopping = new AtomicBoolean();
        StopSignals.onStop(() -> {
            stopping.set(true);
            synchronized (stopping) {
                stopping.notifyAll();
            }
        });
        try (WorkspaceLock lock = WorkspaceLock.take(context.workspace().stateDir().resolve("sending.lock"));
             Database database = context.database(); MailRoute mail = context.mail()) {
            context.out().println(mail.description());
            ReplyPolling replies = new ReplyPolling(database, context.workspace(), context.clock(), mail);
            replies.unread(context.settings().mail()).forEach(context.err()::println);
            Round round = new Round(database, context.workspace(), context.clock(), mail.transport(),
                    RetryPolicy.givingUpAfter(context.settings().mail().giveUpAfter()), replies::mailboxes, stopping::get);
            if (once) {
                return once(context, database, round);
            }
            context.out().printf("Sending every %ds; Ctrl-C stops.%n", intervalSeconds);
            context.out().flush();
            RoundLog log = new RoundLog();
            new Daemon(() -> log.log(round.run((email, step, outcome, detail) -> { })),
                    Duration.ofSeconds(intervalSeconds)).run(stopping);
            return 0;
        }
    }

    /** One round, told on the terminal or the cron log, then where each campaign stands. */
    private int once(Context context, Database database, Round round) {
        Round.Report report;
        try (Progress progress = new Progress(context.out())) {
            report = round.run(progress);
        }
        if (report.recovered() > 0) {
            context.err().println(RoundLines.recovered(report.recovered()));
        }
        RoundLines.inbound(report.polled()).forEach(context.out()::println);
        context.out().println(RoundLines.summary(report.sending(), report.due()));
        report.waiting().forEach(w -> context.out().println(RoundLines.waiting(w)));
        List<StatusReport.CampaignStatus> statuses = database.transaction(store ->
                new StatusReport(context.workspace()).of(store, java.util.Optional.empty(), context.clock().instant()));
        StatusCommand.print(context.out(), statuses);
        if (!report.problems().isEmpty()) {
            throw new FailureException(String.join("; ", report.problems()), null);
        }
        return 0;
    }
}
