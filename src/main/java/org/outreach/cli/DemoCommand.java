package org.outreach.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.FailureException;
import org.outreach.campaign.Problems;
import org.outreach.engine.Dispatcher;
import org.outreach.engine.RetryPolicy;
import org.outreach.engine.StatusReport;
import org.outreach.store.Database;
import org.outreach.workspace.CampaignReader;
import org.outreach.workspace.Settings;
import org.outreach.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The Quick start: the example campaign through the commands a user would type, each printed before it runs,
 * then its first day of sending in the sandbox. The first day runs on a simulated clock, in a copy of the
 * workspace, so it shows at once what the daemon would do over hours and leaves the real workspace untouched.
 */
@Command(name = "demo", description = {
        "Run the example campaign end to end in the sandbox: validate, preview, plan, send the first day.",
        "The first day runs in a copy of the workspace (.outreach/demo/) on a simulated clock, with the",
        "built-in mail server: nothing leaves this machine. Each command is printed before it runs."})
final class DemoCommand implements Callable<Integer> {

    static final String EXAMPLE = "campaigns/local-rse-launch.yaml";
    private static final Duration ROUND = Duration.ofSeconds(30);

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "CAMPAIGN", arity = "0..1", description = "Default: " + EXAMPLE)
    String campaign = EXAMPLE;

    @Override
    public Integer call() {
        Main.Environment environment = root.environment();
        Workspace workspace = root.context().workspace();
        for (String[] step : List.of(
                new String[] {"validate", campaign},
                new String[] {"preview", campaign, "--segment", "university-labs", "--step", "intro"},
                new String[] {"launch", campaign, "--dry-run"})) {
            int code = show(environment, workspace.root(), step);
            if (code != 0) {
                return code;
            }
        }
        return firstDay(environment, workspace);
    }

    /** Launches a copy of the workspace and runs the daemon's rounds through the first day of the campaign. */
    private int firstDay(Main.Environment real, Workspace workspace) {
        PrintWriter out = real.out();
        Workspace demo = new Workspace(workspace.stateDir().resolve("demo"));
        copy(workspace, demo);
        Campaign definition = definition(demo);
        ZoneId zone = definition.window().zone();
        Instant start = definition.window().nextOpen(definition.start()
                .map(s -> s.atZone(zone).toInstant()).orElse(real.clock().instant()));
        Instant end = start.atZone(zone).toLocalDate().atTime(definition.window().closes()).atZone(zone).toInstant();
        SimulatedClock clock = new SimulatedClock(start, zone);
        Main.Environment simulated = new Main.Environment(clock, real.variables(), out, real.err());
        out.printf("The first day of the campaign, %s to %s (%s), in a copy of this workspace (%s) and on a simulated"
                        + " clock: each round of the daemon runs at once.%n%n", Times.format(start, zone),
                definition.window().closes(), zone, workspace.display(demo.root()));
        if (definition.reviewRequired()) {
            approveCopy(demo, simulated);
        }
        int code = show(simulated, demo.root(), new String[] {"launch", campaign});
        if (code != 0) {
            return code;
        }
        out.println("$ outreach daemon    (every 30 simulated seconds until " + definition.window().closes() + ")");
        Settings.Mail sandbox = Settings.defaults().mail();
        try (Database database = Database.open(Context.embeddedUrl(demo));
             MailRoute mail = MailRoute.of(sandbox, demo.stateDir(), workspace.display(demo.stateDir()), clock)) {
            out.println(mail.description());
            Dispatcher dispatcher = new Dispatcher(database, demo, clock, mail.mailer(), RetryPolicy.givingUpAfter(sandbox.giveUpAfter()), () -> false);
            int due = database.transaction(store -> store.messages().unsent(store.campaigns()
                    .find(CampaignReader.key(Path.of(campaign))).orElseThrow().id()).size());
            Dispatcher.Report total = new Dispatcher.Report(0, 0, 0, 0, List.of());
            try (Progress progress = new Progress(out)) {
                progress.sending(due);
                while (clock.instant().isBefore(end)) {
                    total = add(total, dispatcher.sendDue(progress));
                    clock.advance(ROUND);
                }
            }
            out.println(RoundLines.summary(total, due));
            if (!total.problems().isEmpty()) {
                throw new FailureException(String.join("; ", total.problems()), null);
            }
            out.println();
            out.println("$ outreach status");
            StatusCommand.print(out, database.transaction(store ->
                    new StatusReport(demo).of(store, Optional.empty(), clock.instant())));
        }
        out.printf("%nThe messages are in %s/sandbox/, one .eml file each. To send for real, see \"Sending\" in the README.%n",
                workspace.display(demo.stateDir()));
        return 0;
    }

    /** The copy stands in for a campaign a reviewer approved on the review page (outreach review). */
    private void approveCopy(Workspace demo, Main.Environment simulated) {
        try (Database database = Database.open(Context.embeddedUrl(demo))) {
            org.outreach.engine.ReviewModel model = org.outreach.engine.ReviewModel.load(demo, demo.campaignFile(campaign),
                    database, simulated.clock());
            database.transaction(store -> org.outreach.engine.Review.approve(store, model.campaign().orElseThrow().key(),
                    model.content().orElseThrow(), "outreach demo, standing in for a reviewer", simulated.clock().instant()));
        }
        simulated.out().println("(The campaign needs a reviewer's approval; in the demo's copy, the demo approves it."
                + " For real: outreach review " + campaign + ")");
        simulated.out().println();
    }

    private static Dispatcher.Report add(Dispatcher.Report a, Dispatcher.Report b) {
        List<String> problems = new ArrayList<>(a.problems());
        problems.addAll(b.problems());
        return new Dispatcher.Report(a.sent() + b.sent(), a.retrying() + b.retrying(), a.failed() + b.failed(),
                a.unknown() + b.unknown(), problems);
    }

    private Campaign definition(Workspace demo) {
        Problems problems = new Problems();
        Optional<Campaign> definition = new CampaignReader(demo).read(demo.campaignFile(campaign), problems);
        problems.throwIfErrors();
        return definition.orElseThrow();
    }

    private int show(Main.Environment environment, Path workspace, String[] step) {
        environment.out().println("$ outreach " + String.join(" ", step));
        List<String> args = new ArrayList<>(List.of("--workspace", workspace.toString()));
        args.addAll(List.of(step));
        int code = Main.commandLine(environment).execute(args.toArray(String[]::new));
        environment.out().println();
        return code;
    }

    /** A fresh copy of the campaigns and templates; the copy's own state starts empty. */
    private static void copy(Workspace from, Workspace to) {
        try {
            if (Files.exists(to.root())) {
                try (Stream<Path> old = Files.walk(to.root())) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            for (Path dir : List.of(from.campaigns(), from.templates())) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path source : files.toList()) {
                        Path target = to.root().resolve(from.root().relativize(source).toString());
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(source, target);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new FailureException("cannot copy the workspace to " + to.root() + ": " + e.getMessage(), e);
        }
    }
}
