package org.outreach.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.outreach.campaign.FailureException;
import org.outreach.daemon.Daemon;
import org.outreach.daemon.WorkspaceLock;
import org.outreach.engine.Dispatcher;
import org.outreach.engine.RetryPolicy;
import org.outreach.engine.StatusReport;
import org.outreach.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "daemon", description = {
        "Send the messages that are due, within limits and send windows, on and on.",
        "Every --interval it sends what is due; a follow-up is planned when the step before it is sent.",
        "Ctrl-C or SIGTERM stops it cleanly. With --once it runs one round and exits (for cron)."})
final class DaemonCommand implements java.util.concurrent.Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonCommand.class);

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
            Dispatcher dispatcher = new Dispatcher(database, context.workspace(), context.clock(), mail.mailer(),
                    RetryPolicy.givingUpAfter(context.settings().mail().giveUpAfter()), stopping::get);
            int recovered = dispatcher.recoverInterrupted();
            if (recovered > 0) {
                context.err().printf("%d messages were being sent when the last run stopped: their fate is unknown,"
                        + " see outreach status and outreach resolve%n", recovered);
            }
            ReplyPolling replies = new ReplyPolling(database, context, mail);
            if (once) {
                List<String> problems = new ArrayList<>(replies.pollAll(context.out()));
                return round(context, database, dispatcher, problems);
            }
            context.out().printf("Sending every %ds; Ctrl-C stops.%n", intervalSeconds);
            context.out().flush();
            new Daemon(() -> {
                // Replies first: a reply that arrived since the last round stops its follow-up in this one.
                replies.pollAll(null).forEach(p -> LOG.error("{}", p));
                // Nothing is in flight between rounds: a message still 'sending' lost its answer to a failure.
                dispatcher.recoverInterrupted();
                log(dispatcher.sendDue((email, step, outcome, detail) -> { }));
            }, Duration.ofSeconds(intervalSeconds)).run(stopping);
            return 0;
        }
    }

    private int round(Context context, Database database, Dispatcher dispatcher, List<String> problems) {
        int due = dispatcher.due();
        Dispatcher.Report report;
        try (Progress progress = new Progress(context.out(), due)) {
            report = dispatcher.sendDue(progress);
        }
        Progress.summary(context.out(), report, due);
        List<StatusReport.CampaignStatus> statuses = database.transaction(store ->
                new StatusReport(context.workspace()).of(store, java.util.Optional.empty(), context.clock().instant()));
        StatusCommand.print(context.out(), statuses);
        problems.addAll(report.problems());
        if (!problems.isEmpty()) {
            throw new FailureException(String.join("; ", problems), null);
        }
        return 0;
    }

    private static void log(Dispatcher.Report report) {
        if (report.total() > 0) {
            LOG.warn("{} sent, {} to retry, {} failed, {} unknown", report.sent(), report.retrying(), report.failed(),
                    report.unknown());
        }
        report.problems().forEach(p -> LOG.error("{}", p));
    }

}
