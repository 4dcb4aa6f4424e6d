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
import org.outreach.engine.ReviewModel;
import org.outreach.engine.Review;
import org.outreach.engine.RetryPolicy;
import org.outreach.engine.Round;
import org.outreach.engine.Sequence;
import org.outreach.mail.Sandbox;
import org.outreach.store.Database;
import org.outreach.store.Messages;
import org.outreach.workspace.CampaignReader;
import org.outreach.workspace.Settings;
import org.outreach.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The Quick start: the example campaign through the commands a user would type, each printed before it runs,
 * then the whole campaign in the sandbox — the intros, the people who answer, the follow-ups to the others.
 *
 * <p>Everything runs on a simulated clock that starts the day before the campaign does, so weeks pass in
 * seconds and the story reads the same on any day it is run. The sending is the daemon's own round, run again
 * and again; between rounds the clock jumps to the next moment something can happen (a send the limits allow, a
 * follow-up coming due, an answer arriving), as a daemon waking every 30 seconds would find it. The copy of the
 * workspace in {@code .outreach/demo/} keeps the real workspace untouched.
 */
@Command(name = "demo", description = {
        "Run the example campaign end to end in the sandbox: validate, preview, plan, then weeks of sending.",
        "Runs in a copy of the workspace (.outreach/demo/) on a simulated clock, with the built-in mail server:",
        "nothing leaves this machine. People answer as real people and mail servers do, and the follow-ups go",
        "only to those who stayed silent. Each command is printed before it runs."})
final class DemoCommand implements Callable<Integer> {

    static final String EXAMPLE = "campaigns/local-rse-launch.yaml";
    /** How often the daemon wakes by default; the simulated clock moves on this grid. */
    private static final Duration ROUND = Duration.ofSeconds(30);
    /** A campaign still unfinished after this long is left to the real daemon. */
    private static final Duration LONGEST = Duration.ofDays(42);

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "CAMPAIGN", arity = "0..1", description = "Default: " + EXAMPLE)
    String campaign = EXAMPLE;

    @Override
    public Integer call() {
        Main.Environment real = root.environment();
        Workspace workspace = root.context().workspace();
        Campaign definition = definition(workspace, workspace.campaignFile(campaign, root.environment().folder()));
        ZoneId zone = definition.window().zone();
        SimulatedClock clock = new SimulatedClock(dayBefore(definition, real.clock().instant()), zone);
        Main.Environment simulated = new Main.Environment(clock, real.variables(), real.out(), real.err(), workspace.root());
        real.out().printf(definition.start().isPresent()
                        ? "The demo runs on a simulated clock that starts the day before the campaign, on %s.%n%n"
                        : "The demo runs on a simulated clock that starts now, %s.%n%n", Times.named(clock.instant(), zone));
        for (String[] step : List.of(
                new String[] {"validate", campaign},
                new String[] {"preview", campaign, "--segment", definition.segments().get(0).name(),
                        "--step", definition.firstStep().name()},
                new String[] {"launch", campaign, "--dry-run"})) {
            int code = show(simulated, workspace.root(), step);
            if (code != 0) {
                return code;
            }
        }
        return campaignInTheSandbox(simulated, clock, workspace);
    }

    /** Launches a copy of the workspace and runs the daemon's rounds until every sequence is over. */
    private int campaignInTheSandbox(Main.Environment simulated, SimulatedClock clock, Workspace workspace) {
        PrintWriter out = simulated.out();
        Workspace demo = new Workspace(workspace.stateDir().resolve("demo"));
        copy(workspace, demo);
        Campaign definition = definition(demo, demo.campaignFile(campaign, demo.root()));
        String key = definition.key();
        ZoneId zone = definition.window().zone();
        out.printf("Now the campaign itself, in a copy of this workspace (%s), into the sandbox mail server.%n%n",
                workspace.display(demo.root()));
        if (definition.reviewRequired()) {
            approveCopy(demo, simulated);
        }
        int code = show(simulated, demo.root(), new String[] {"launch", campaign});
        if (code != 0) {
            return code;
        }
        out.println("$ outreach daemon    (on the simulated clock: a round every 30 s, skipping the hours when nothing"
                + " can happen)");
        List<String> problems = new ArrayList<>();
        Settings.Mail sandbox = Settings.defaults().mail();
        try (Database database = Database.open(Context.embeddedUrl(demo));
             MailRoute mail = MailRoute.of(sandbox, demo.stateDir(), workspace.display(demo.stateDir()), clock)) {
            out.println(mail.description());
            Sandbox server = mail.sandbox().orElseThrow(() -> new IllegalStateException("bug: the demo runs in the sandbox"));
            Round round = new Round(database, demo, clock, mail.transport(), RetryPolicy.givingUpAfter(sandbox.giveUpAfter()),
                    new ReplyPolling(database, demo, clock, mail)::mailboxes, () -> false);
            Correspondents cast = new Correspondents(Correspondents.EXAMPLE, definition.sender(), zone);
            DemoDiary diary = new DemoDiary(out, definition.window(), definition.steps().stream().map(s -> s.name()).toList());
            Instant giveUp = clock.instant().plus(LONGEST);
            List<Sequence> sequences = database.transaction(store -> Sequence.of(store, key));
            while (true) {
                cast.answerUntil(clock.instant(), intros(sequences), server::deliver);
                diary.roundAt(clock.instant());
                Round.Report report = round.run(diary);
                problems.addAll(report.problems());
                diary.read(report);
                sequences = database.transaction(store -> Sequence.of(store, key));
                Optional<Instant> next = next(clock.instant(), report, sequences, cast.next(intros(sequences)), definition);
                if (next.isEmpty() || next.get().isAfter(giveUp)) {
                    diary.endOfDay(sequences);
                    break;
                }
                if (!next.get().atZone(zone).toLocalDate().equals(clock.instant().atZone(zone).toLocalDate())) {
                    diary.endOfDay(sequences);
                }
                clock.advance(Duration.between(clock.instant(), next.get()));
            }
        }
        if (!problems.isEmpty()) {
            throw new FailureException(String.join("; ", problems.stream().distinct().toList()), null);
        }
        out.println();
        for (String[] step : List.of(new String[] {"replies"}, new String[] {"status"})) {
            code = show(simulated, demo.root(), step);
            if (code != 0) {
                return code;
            }
        }
        out.printf("The messages sent are in %s/sandbox/, one .eml file each; the answers are in the sandbox's"
                + " mailboxes beside them. To send for real, see \"Sending\" in the README.%n", workspace.display(demo.stateDir()));
        return 0;
    }

    /**
     * The next moment a round can do something: when a waiting message's limit or window allows it, when the
     * next follow-up comes due, when the next answer arrives; on the daemon's 30-second grid. Empty when nothing
     * is left to send or to answer.
     */
    private static Optional<Instant> next(Instant now, Round.Report report, List<Sequence> sequences,
                                          Optional<Instant> answer, Campaign definition) {
        List<Instant> candidates = new ArrayList<>();
        report.waiting().forEach(w -> Optional.ofNullable(w.until()).ifPresent(candidates::add));
        // A message due already waits for what the round said (a limit, the window); one not due yet, for its time.
        sequences.stream().flatMap(s -> s.next().stream()).map(Messages.Unsent::dueAt).filter(due -> due.isAfter(now))
                .map(due -> definition.window().nextOpen(due)).forEach(candidates::add);
        answer.ifPresent(candidates::add);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Instant earliest = candidates.stream().min(Comparator.naturalOrder()).orElseThrow();
        long rounds = Math.max(1, (Duration.between(now, earliest).toMillis() + ROUND.toMillis() - 1) / ROUND.toMillis());
        return Optional.of(now.plus(ROUND.multipliedBy(rounds)));
    }

    /** The intro each contact got, for their answer to refer to. */
    private static Correspondents.SentIntros intros(List<Sequence> sequences) {
        return contact -> sequences.stream().filter(s -> s.email().equalsIgnoreCase(contact)).findFirst()
                .flatMap(s -> s.sent().stream().findFirst())
                .map(sent -> new Correspondents.Intro(sent.sentAt(), sent.messageId(), sent.subject()));
    }

    /**
     * The day before the campaign's start at 10:00, so the demo tells the same story whatever day it runs; a
     * campaign without a start begins now.
     */
    private static Instant dayBefore(Campaign definition, Instant now) {
        ZoneId zone = definition.window().zone();
        return definition.start().map(start -> start.toLocalDate().minusDays(1).atTime(10, 0).atZone(zone).toInstant())
                .orElse(now);
    }

    /** The copy stands in for a campaign a reviewer approved on the review page (outreach review). */
    private void approveCopy(Workspace demo, Main.Environment simulated) {
        try (Database database = Database.open(Context.embeddedUrl(demo))) {
            ReviewModel model = ReviewModel.load(demo, demo.campaignFile(campaign, demo.root()), database, simulated.clock());
            database.transaction(store -> Review.approve(store, model.campaign().orElseThrow().key(),
                    model.content().orElseThrow(), "outreach demo, standing in for a reviewer", simulated.clock().instant()));
        }
        simulated.out().println("(The campaign needs a reviewer's approval; in the demo's copy, the demo approves it."
                + " For real: outreach review " + campaign + ")");
        simulated.out().println();
    }

    private static Campaign definition(Workspace workspace, Path file) {
        Problems problems = new Problems();
        Optional<Campaign> definition = new CampaignReader(workspace).read(file, problems);
        problems.throwIfErrors();
        return definition.orElseThrow();
    }

    /** Runs a command as a user in that workspace's folder would type it, and shows it first. */
    private int show(Main.Environment environment, Path workspace, String[] step) {
        environment.out().println("$ outreach " + String.join(" ", step));
        List<String> args = new ArrayList<>(List.of("--workspace", workspace.toString()));
        args.addAll(List.of(step));
        Main.Environment inWorkspace = new Main.Environment(environment.clock(), environment.variables(), environment.out(),
                environment.err(), workspace);
        int code = Main.commandLine(inWorkspace).execute(args.toArray(String[]::new));
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
