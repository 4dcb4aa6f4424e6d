package org.outreach.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import org.outreach.campaign.Campaign;
import org.outreach.engine.Forecast;
import org.outreach.engine.LaunchPlan;
import org.outreach.engine.Launcher;
import org.outreach.engine.SendingRules;
import org.outreach.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "launch", description = {
        "Enroll a campaign's contacts and plan its first step (--dry-run: show the plan only).",
        "Validates the campaign, imports its contacts, enrolls each into its segment's sequence and plans",
        "the first step. Launching again is safe: nobody is enrolled twice, new contacts are added, and",
        "edited templates apply to the messages not sent yet."})
final class LaunchCommand implements Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "CAMPAIGN", description = "The campaign file, or its name.")
    String campaign;

    @Option(names = "--dry-run", description = "Show the plan (who, who not and why, when) and write nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        Context context = root.context();
        Path file = context.campaignFile(campaign);
        Launcher launcher = new Launcher(context.workspace(), context.clock());
        LaunchPlan plan;
        // A dry run never creates the database: with none yet, it rehearses on an empty one in memory.
        try (Database database = dryRun ? context.existingDatabase().orElseGet(Database::inMemory) : context.database()) {
            plan = launcher.launch(file, database, dryRun);
        }
        plan.warnings().forEach(w -> context.err().println(w));
        print(context.out(), plan);
        return 0;
    }

    private static void print(PrintWriter out, LaunchPlan plan) {
        Campaign campaign = plan.campaign();
        ZoneId zone = campaign.window().zone();
        out.printf("%s %s (\"%s\")%s%n", plan.dryRun() ? "Dry run of" : plan.relaunch() ? "Relaunched" : "Launched",
                campaign.key(), campaign.name(), plan.dryRun() ? ": nothing was written" : "");
        Table segments = new Table("SEGMENT", "CONTACTS", plan.dryRun() ? "WOULD ENROLL" : "ENROLLED", "ALREADY ENROLLED")
                .numeric(1, 2, 3);
        plan.segments().forEach(s -> segments.row(s.segment(), s.contacts(), s.enrolled(), s.alreadyEnrolled()));
        segments.print(out, "  ");
        if (!plan.excluded().isEmpty()) {
            out.printf("Left out (%d):%n", plan.excluded().size());
            plan.excluded().forEach(x -> out.printf("  %s: %s%n", x.contact().describe(), x.reason()));
        }
        if (plan.enrolled() > 0) {
            // Due at the start, it goes when the window first opens: a start on a day the window skips waits for it.
            out.printf("First step %s due %s (%s).%n", campaign.firstStep().name(),
                    Times.format(campaign.window().nextOpen(plan.firstDue()), zone), zone);
        }
        plan.unapproved().ifPresent(why -> out.printf("Before a real launch: %s%n", why));
        if (!plan.forecast().isEmpty()) {
            out.printf("When the messages not sent yet would go out, if nobody replies (%s):%n",
                    SendingRules.of(plan.mailbox(), campaign.window()));
            forecastTable(plan.forecast(), zone).print(out, "  ");
        }
    }

    static Table forecastTable(java.util.List<Forecast.StepForecast> forecast, ZoneId zone) {
        Table table = new Table("STEP", "MESSAGES", "FIRST", "LAST").numeric(1);
        for (Forecast.StepForecast f : forecast) {
            table.row(f.step().name(), f.messages(), Times.format(f.first(), zone), Times.format(f.last(), zone));
        }
        return table;
    }
}
