package org.outreach.cli;

import java.util.concurrent.Callable;

import org.outreach.engine.Resolution;
import org.outreach.store.Messages;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "resolve", description = {
        "Settle a message whose fate is unknown.",
        "A message is unknown when sending stopped after the server had it and before it answered. Check the",
        "recipient's mailbox or your Sent folder, then say it was sent (its follow-up is planned) or retry it."})
final class ResolveCommand implements Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "MESSAGE", description = "The message's number (outreach status lists them) or its Message-ID.")
    String message;

    @ArgGroup(multiplicity = "1")
    Decision decision;

    static final class Decision {

        @Option(names = "--sent", required = true, description = "It arrived: record it as sent.")
        boolean sent;

        @Option(names = "--retry", required = true, description = "It did not arrive: send it again.")
        boolean retry;
    }

    @Override
    public Integer call() {
        Context context = root.context();
        // Only a launched campaign has messages to settle: without a database there are none, and none is created.
        try (var database = context.existingDatabase().orElseThrow(() -> Resolution.noSuchMessage(message))) {
            Messages.Unknown settled = database.transaction(store -> decision.sent
                    ? Resolution.sent(store, context.workspace(), message, context.clock().instant())
                    : Resolution.retry(store, message, context.clock().instant()));
            context.out().printf("message %d (%s, %s to %s): %s%n", settled.id(), settled.campaignKey(), settled.step(),
                    settled.email(), decision.sent ? "recorded as sent" : "will be sent again");
        }
        return 0;
    }
}
