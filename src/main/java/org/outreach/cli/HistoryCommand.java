package org.outreach.cli;

import java.util.concurrent.Callable;

import org.outreach.campaign.BadInputException;
import org.outreach.engine.Timeline;
import org.outreach.store.History;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", description = {
        "Show everything that happened to one contact.",
        "Enrollments, every send and its server's answer, retries, failures, suppressions, oldest first."})
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "EMAIL")
    String email;

    @Override
    public Integer call() {
        Context context = root.context();
        Timeline timeline = context.existingDatabase().map(database -> {
            try (database) {
                return database.transaction(store -> Timeline.of(store, email));
            }
        }).orElseThrow(() -> new BadInputException(email + " is not a contact of this workspace"));
        var contact = timeline.contact();
        context.out().printf("%s%s%n", contact.email(), contact.displayName().isEmpty() ? "" : " (" + contact.displayName()
                + contact.field("organization").map(o -> ", " + o).orElse("") + ")");
        Table table = new Table("WHEN", "CAMPAIGN", "STEP", "EVENT", "DETAIL");
        for (History.Event e : timeline.events()) {
            table.row(Times.format(e.occurredAt(), context.clock().getZone()), orDash(e.campaignKey()), orDash(e.step()),
                    e.event(), e.detail() == null ? "" : e.detail());
        }
        table.print(context.out(), "  ");
        return 0;
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
