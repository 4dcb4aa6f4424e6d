package org.outreach;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.outreach.cli.Main;

/**
 * A small workspace in a temporary folder — two segments, two steps, four contacts — and a way to run
 * commands in it as a user would, with a fixed clock. Tests change one file to make the case they need.
 */
public final class TestWorkspace {

    /** Monday 30 November 2026, 09:00 in Chicago. */
    public static final Instant NOW = Instant.parse("2026-11-30T15:00:00Z");

    public static final String CAMPAIGN = """
            name: Springfield RSE launch
            sender: {name: Ada Organizer, email: ada@example.org}
            contacts: contacts/people.csv
            segments:
              - name: labs
                match: {kind: lab}
                templates: rse/lab
              - name: teams
                match: {kind: [team, agency]}
                templates: rse/team
            steps:
              - name: intro
              - name: nudge
                after: 4d
            limits: {per_day: 50, per_hour: 10}
            window: {days: mon-fri, hours: "09:00-17:00", timezone: America/Chicago}
            vars:
              meetup: Thursday, January 14
            """;

    public static final String CONTACTS = """
            email,first_name,last_name,organization,kind
            ana@example.edu,Ana,Lima,Physics Lab,lab
            ben@example.edu,Ben,Okoro,Chemistry Lab,lab
            cy@example.gov,Cy,Park,City Data Team,team
            dee@example.gov,Dee,Ruiz,State Agency,agency
            """;

    private static final String INTRO = """
            Subject: A research software group for ${contact.organization}

            Hi ${contact.first_name},

            We are starting a local RSE group; the first meetup is ${vars.meetup}.
            <#include "/rse/_signature.ftl">
            """;

    private static final String NUDGE = """
            Hi ${contact.first_name}, just a gentle nudge about ${vars.meetup}.
            <#include "/rse/_signature.ftl">
            """;

    private final Path root;
    private final Map<String, String> environment = new HashMap<>();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private TestWorkspace(Path root) {
        this.root = root;
    }

    /** The standard small workspace in {@code root}. */
    public static TestWorkspace in(Path root) {
        TestWorkspace workspace = new TestWorkspace(root);
        workspace.write("campaigns/launch.yaml", CAMPAIGN);
        workspace.write("campaigns/contacts/people.csv", CONTACTS);
        workspace.write("templates/rse/_signature.ftl", "-- \n${sender.name}\nReply \"no thanks\" and I will not write again.\n");
        for (String segment : List.of("lab", "team")) {
            workspace.write("templates/rse/" + segment + "/intro.ftl", INTRO);
            workspace.write("templates/rse/" + segment + "/nudge.ftl", NUDGE);
        }
        return workspace;
    }

    /** A workspace that already exists, such as the repository's example; tests must not change its files. */
    public static TestWorkspace existing(Path root) {
        return new TestWorkspace(root);
    }

    public Path root() {
        return root;
    }

    public Path path(String relative) {
        return root.resolve(relative);
    }

    public TestWorkspace write(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public String read(String relative) {
        try {
            return Files.readString(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestWorkspace env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public TestWorkspace at(Instant now) {
        clock = Clock.fixed(now, ZoneOffset.UTC);
        return this;
    }

    /** A clock that starts at {@code start} and moves on a millisecond each time it is read, as a real one does. */
    public TestWorkspace ticking(Instant start) {
        clock = new Clock() {
            private Instant now = start;

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public synchronized Instant instant() {
                now = now.plusMillis(1);
                return now;
            }
        };
        return this;
    }

    /** Runs {@code outreach --workspace ROOT args…} in-process. */
    public Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--workspace", root.toString()));
        all.addAll(List.of(args));
        return runIn(root, all.toArray(String[]::new));
    }

    /** Runs {@code outreach args…} in-process as if typed in {@code folder}, without {@code --workspace}. */
    public Run runIn(Path folder, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new Main.Environment(clock, environment, new PrintWriter(out), new PrintWriter(err), folder), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The JDBC URL of the workspace's embedded database, for tests that look inside it. */
    public String databaseUrl() {
        return "jdbc:h2:file:" + root.resolve(".outreach/outreach") + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }

    /** What a command printed and returned. */
    public record Run(int code, String out, String err) {

        public List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
