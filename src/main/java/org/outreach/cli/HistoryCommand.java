package org.outreach.cli;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import org.outreach.campaign.BadInputException;
import org.outreach.engine.CampaignZones;
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
        record Read(Timeline timeline, CampaignZones zones) {
        }
        Read read = context.existingDatabase().map(database -> {
            try (database) {
                return database.transaction(store -> new Read(Timeline.of(store, email),
                        CampaignZones.of(store, context.workspace(), context.clock().getZone())));
            }
        }).orElseThrow(() -> new BadInputException(email + " is not a contact of this workspace"));
        Timeline timeline = read.timeline();
        var contact = timeline.contact();
        context.out().printf("%s%s%n", contact.email(), contact.displayName().isEmpty() ? "" : " (" + contact.displayName()
                + contact.field("organization").map(o -> ", " + o).orElse("") + ")");
        // One zone for the whole table when the contact's campaigns share one; otherwise each time names its own.
        List<ZoneId> zones = timeline.events().stream().map(e -> read.zones().of(e.campaignKey())).distinct().toList();
        boolean oneZone = zones.size() <= 1;
        ZoneId shared = oneZone && !zones.isEmpty() ? zones.get(0) : read.zones().only();
        Table table = new Table(oneZone ? Times.heading("WHEN", shared) : "WHEN", "CAMPAIGN", "STEP", "EVENT", "DETAIL");
        for (History.Event e : timeline.events()) {
            ZoneId zone = read.zones().of(e.campaignKey());
            table.row(oneZone ? Times.format(e.occurredAt(), zone) : Times.named(e.occurredAt(), zone),
                    orDash(e.campaignKey()), orDash(e.step()), e.event(), e.detail() == null ? "" : e.detail());
        }
        table.print(context.out(), "  ");
        return 0;
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
