package org.outreach.cli;

import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: global options, and the subcommands that do the work. */
@Command(name = "outreach",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Email outreach campaigns as files: segments, FreeMarker templates, threaded follow-ups.",
        subcommands = {
                ValidateCommand.class,
                PreviewCommand.class,
                ContactsCommand.class,
                SuppressCommand.class,
                LaunchCommand.class,
                StatusCommand.class,
                DaemonCommand.class,
                CampaignStateCommands.Pause.class,
                CampaignStateCommands.Resume.class,
                CampaignStateCommands.Cancel.class,
                ResolveCommand.class,
                HistoryCommand.class,
                CheckMailCommand.class,
                TestSendCommand.class,
                RepliesCommand.class,
                ExportCommand.class,
                ClassifyCommand.class,
                ReviewCommand.class,
                ApprovalsCommand.class,
                DemoCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:bad input (the message names the file, line and contact)",
                "2:usage error",
                "3:failure outside your files (database, network)"})
public final class OutreachCommand implements Runnable {

    @Option(names = "--workspace", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "The workspace folder (campaigns/, templates/, outreach.yaml). Default: the current folder,"
                    + " or the nearest folder above it with campaigns/ or .outreach/.")
    Optional<Path> workspace = Optional.empty();

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "The settings file. Default: outreach.yaml in the workspace, if there is one.")
    Optional<Path> config = Optional.empty();

    private final Main.Environment environment;

    OutreachCommand(Main.Environment environment) {
        this.environment = environment;
    }

    Main.Environment environment() {
        return environment;
    }

    /** What every subcommand works with, built from the global options. */
    Context context() {
        return new Context(this);
    }

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(environment.out());
    }
}
