package org.outreach.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.outreach.campaign.Problems;
import org.outreach.engine.CampaignCheck;
import org.outreach.store.Database;
import org.outreach.workspace.Settings;
import org.outreach.workspace.SettingsReader;
import org.outreach.workspace.Workspace;
import org.outreach.workspace.WorkspaceFinder;

/** The workspace, settings, clock and output of one command run. */
final class Context {

    /** H2 file name under .outreach/; H2 adds ".mv.db". */
    private static final String DATABASE_NAME = "outreach";

    private final OutreachCommand root;
    private Workspace workspace;
    private Settings settings;

    Context(OutreachCommand root) {
        this.root = root;
    }

    /** The workspace, found on first use: a command that needs none (classify) runs anywhere. */
    Workspace workspace() {
        if (workspace == null) {
            workspace = WorkspaceFinder.find(root.workspace, folder());
        }
        return workspace;
    }

    /** The folder the command runs in; relative paths on the command line are relative to it. */
    Path folder() {
        return root.environment().folder();
    }

    /** The campaign file a command names, by path, file name or key. */
    Path campaignFile(String name) {
        return workspace().campaignFile(name, folder());
    }

    Clock clock() {
        return root.environment().clock();
    }

    PrintWriter out() {
        return root.environment().out();
    }

    PrintWriter err() {
        return root.environment().err();
    }

    Settings settings() {
        if (settings == null) {
            Path file = root.config.map(p -> folder().resolve(p))
                    .orElseGet(() -> workspace().root().resolve(Workspace.SETTINGS_FILE));
            Problems problems = new Problems();
            settings = new SettingsReader(workspace(), root.environment().variables())
                    .read(file, root.config.isPresent(), problems).orElse(null);
            problems.throwIfErrors();
        }
        return settings;
    }

    /** Starts the way to the mail server: the sandbox, or a connection setup for the configured server. */
    MailRoute mail() {
        return MailRoute.of(settings().mail(), workspace().stateDir(), workspace().display(workspace().stateDir()), clock());
    }

    /**
     * The campaign checked as the review page checks it. Reads the database for suppressions, when there is one;
     * checking never creates it.
     */
    CampaignCheck check(Path campaignFile) {
        Optional<Database> database = existingDatabase();
        try {
            return database.map(d -> CampaignCheck.of(workspace(), campaignFile, d, clock()))
                    .orElseGet(() -> CampaignCheck.of(workspace(), campaignFile, CampaignCheck.Known.nothing(), clock()));
        } finally {
            database.ifPresent(Database::close);
        }
    }

    /** Opens the workspace's database, creating it on first use. */
    Database database() {
        return Database.open(databaseUrl());
    }

    /**
     * The database if there is one yet. Commands that only read, and dry runs, use this so they never create a
     * database as a side effect.
     */
    Optional<Database> existingDatabase() {
        if (settings().database().isEmpty() && !Files.exists(defaultDatabaseFile())) {
            return Optional.empty();
        }
        return Optional.of(database());
    }

    private String databaseUrl() {
        return settings().database().map(Context::withEmbeddedSettings).orElseGet(() -> embeddedUrl(workspace()));
    }

    /** A user's own H2 file URL gets the settings sending relies on, unless it sets them itself. */
    static String withEmbeddedSettings(String url) {
        if (!url.startsWith("jdbc:h2:") || url.matches("jdbc:h2:(mem|tcp|ssl):.*")) {
            return url;
        }
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        return url + (upper.contains(";WRITE_DELAY=") ? "" : ";WRITE_DELAY=0")
                + (upper.contains(";AUTO_SERVER=") ? "" : ";AUTO_SERVER=TRUE");
    }

    /** The default database: an H2 file in the workspace's state folder. */
    static String embeddedUrl(Workspace workspace) {
        // WRITE_DELAY=0: a commit is on disk when acknowledged; the default delay loses commits on a crash.
        // AUTO_SERVER: while one process (the daemon) has the file open, others reach it through it.
        return "jdbc:h2:file:" + workspace.stateDir().resolve(DATABASE_NAME) + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }

    private Path defaultDatabaseFile() {
        return workspace().stateDir().resolve(DATABASE_NAME + ".mv.db");
    }
}
