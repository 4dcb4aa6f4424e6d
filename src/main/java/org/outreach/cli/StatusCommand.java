package org.outreach.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.outreach.engine.ContactsFileChange;
import org.outreach.engine.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", description = {
        "Show where each launched campaign stands.",
        "Per campaign, segment and step: how many messages are planned, sent, failed, cancelled or unknown."})
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "CAMPAIGN", arity = "0..1", description = "Only this campaign (its name or file).")
    Optional<String> campaign;

    @Option(names = "--json", description = "Print JSON, for scripts.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Context context = root.context();
        StatusReport report = new StatusReport(context.workspace());
        List<StatusReport.CampaignStatus> statuses = context.existingDatabase().map(database -> {
            try (database) {
                return database.transaction(store -> report.of(store, campaign, context.clock().instant()));
            }
        }).orElseGet(() -> report.none(campaign));
        if (json) {
            ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
            context.out().println(mapper.writeValueAsString(statuses));
            return 0;
        }
        print(context.out(), statuses);
        return 0;
    }

    /** Messages go out with the values of the launch; the organizer decides when the new ones apply. */
    private static String contactsChanged(String campaign, ContactsFileChange change) {
        String when = Times.named(change.launchedAt(), change.zone());
        return change.missing()
                ? "contacts file " + change.path() + " is gone since launch on " + when
                        + ": messages go on with the values of that launch"
                : "contacts file " + change.path() + " changed since launch on " + when + ": run outreach launch "
                        + campaign + " to use the new values";
    }

    /** The status tables, as status and daemon --once print them. */
    static void print(java.io.PrintWriter out, List<StatusReport.CampaignStatus> statuses) {
        if (statuses.isEmpty()) {
            out.println("No campaign has been launched in this workspace yet.");
        }
        for (StatusReport.CampaignStatus status : statuses) {
            out.printf("%s (\"%s\"): %s, launched %s, %d enrolled%n", status.campaign(), status.name(),
                    status.state(), Times.named(status.launchedAt(), status.zone()), status.enrolled());
            if (status.contactsChanged() != null) {
                out.println("  " + contactsChanged(status.campaign(), status.contactsChanged()));
            }
            Table table = new Table("SEGMENT", "STEP", "PLANNED", "SENT", "FAILED", "CANCELLED", "UNKNOWN", "REPLIED",
                    "AUTO-REPLIED", "BOUNCED", "UNSUBSCRIBED", "REPLY RATE").numeric(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            status.rows().forEach(r -> table.row(r.segment(), r.step(), r.planned(), r.sent(), r.failed(), r.cancelled(),
                    r.unknown(), r.replied(), r.autoReplied(), r.bounced(), r.unsubscribed(),
                    r.sent() == 0 ? "-" : Math.round(100 * r.replyRate()) + "%"));
            table.print(out, "  ");
            if (status.mailbox().disagree()) {
                out.printf("  Limits of %s, the strictest of its campaigns, for every send from it: %s%n",
                        status.mailbox().sender(), org.outreach.engine.SendingRules.of(status.mailbox().limits()));
            }
            if (!status.forecast().isEmpty()) {
                out.printf("  Not sent yet, if nobody replies (%s):%n", status.zone());
                LaunchCommand.forecastTable(status.forecast(), status.zone()).print(out, "    ");
            }
            if (!status.unknown().isEmpty()) {
                out.println("  Fate unknown (the server may have them; check, then outreach resolve NUMBER --sent or --retry):");
                status.unknown().forEach(m -> out.printf("    %d  %s to %s  %s%n", m.id(), m.step(), m.email(), m.messageId()));
            }
        }
    }
}
