package org.outreach.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import org.outreach.review.ReviewServer;
import org.outreach.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "review", description = {
        "Serve the review page: every rendered email, warnings, and the approval.",
        "On 127.0.0.1 only, unless --bind says otherwise. Files are re-read on each page load. Ctrl-C stops."})
final class ReviewCommand implements Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "CAMPAIGN", description = "The campaign file, or its name.")
    String campaign;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8025", description = "Default: ${DEFAULT-VALUE}; 0 picks a free one.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The interface to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Override
    public Integer call() throws InterruptedException {
        Context context = root.context();
        Path file = context.campaignFile(campaign);
        AtomicBoolean stopping = new AtomicBoolean();
        StopSignals.onStop(() -> {
            stopping.set(true);
            synchronized (stopping) {
                stopping.notifyAll();
            }
        });
        try (Database database = context.database();
             ReviewServer server = ReviewServer.start(bind, port, context.workspace(), file, database, context.clock())) {
            context.out().printf("Review page: %s%n", server.address());
            context.out().println("Open it in a browser; the address carries the token that approving needs."
                    + " Ctrl-C stops.");
            context.out().flush();
            synchronized (stopping) {
                while (!stopping.get()) {
                    stopping.wait(1_000);
                }
            }
        }
        return 0;
    }
}
