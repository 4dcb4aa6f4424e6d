package org.outreach.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.outreach.campaign.FailureException;
import org.outreach.engine.CampaignZones;
import org.outreach.store.Database;
import org.outreach.store.Inbound;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "replies", description = {
        "List the people who replied, newest first: whom to answer.",
        "Who, from which organization, when, the subject and the first lines. `replies poll` reads the mailbox now."},
        subcommands = RepliesCommand.Poll.class)
final class RepliesCommand implements Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "CAMPAIGN", arity = "0..1", description = "Only this campaign.")
    Optional<String> campaign;

    @Override
    public Integer call() {
        Context context = root.context();
        record Read(List<Inbound.Reply> replies, CampaignZones zones) {
        }
        Read read = context.existingDatabase().map(database -> {
            try (database) {
                return database.transaction(store -> new Read(store.inbound().replies(campaign
                        .map(c -> org.outreach.workspace.CampaignReader.key(java.nio.file.Path.of(c))).orElse(null)),
                        CampaignZones.of(store, context.workspace(), context.clock().getZone())));
            }
        }).orElse(new Read(List.of(), null));
        List<Inbound.Reply> replies = read.replies();
        if (replies.isEmpty()) {
            context.out().println("No replies yet.");
            return 0;
        }
        for (Inbound.Reply r : replies) {
            String name = ((r.firstName() == null ? "" : r.firstName()) + " " + (r.lastName() == null ? "" : r.lastName())).strip();
            context.out().printf("%s  %s%s%s  (%s, after %s)%n", Times.named(r.receivedAt(), read.zones().of(r.campaignKey())),
                    name.isEmpty() ? r.email() : name + " <" + r.email() + ">",
                    r.organization() == null ? "" : ", " + r.organization(),
                    r.answeredBy() == null ? "" : " — answered by " + r.answeredBy(), r.campaignKey(), r.step());
            context.out().printf("    %s%n", r.subject());
            if (r.firstLines() != null && !r.firstLines().isBlank()) {
                context.out().printf("    %s%n", r.firstLines());
            }
        }
        return 0;
    }

    @Command(name = "poll", description = "Read the mailbox now: record replies, bounces and the rest, with their effects.")
    static final class Poll implements Callable<Integer> {

        @ParentCommand
        RepliesCommand parent;

        @Override
        public Integer call() {
            Context context = parent.root.context();
            try (Database database = context.database(); MailRoute mail = context.mail()) {
                ReplyPolling polling = new ReplyPolling(database, context.workspace(), context.clock(), mail);
                polling.unread(context.settings().mail()).forEach(context.err()::println);
                List<String> problems = polling.pollAll(context.out());
                if (!problems.isEmpty()) {
                    throw new FailureException(String.join("; ", problems), null);
                }
            }
            return 0;
        }
    }
}
