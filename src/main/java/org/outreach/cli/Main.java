package org.outreach.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import picocli.CommandLine;

/** Entry point of {@code outreach}: builds the command line and turns every outcome into an exit code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(new Environment(Clock.systemDefaultZone(), System.getenv(), out, err), args));
    }

    /** Runs one command; tests call this with their own clock, environment and writers. */
    public static int run(Environment environment, String... args) {
        int code = commandLine(environment).execute(args);
        environment.out().flush();
        environment.err().flush();
        return code;
    }

    static CommandLine commandLine(Environment environment) {
        CommandLine cli = new CommandLine(new OutreachCommand(environment));
        cli.setOut(environment.out());
        cli.setErr(environment.err());
        cli.setExecutionExceptionHandler(new ErrorReporter(environment));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /**
     * What a command gets from outside: the time, the environment variables, where to write, and the folder it
     * runs in (where the search for the workspace starts).
     */
    public record Environment(Clock clock, Map<String, String> variables, PrintWriter out, PrintWriter err, Path folder) {

        /** Runs in the process's current folder. */
        public Environment(Clock clock, Map<String, String> variables, PrintWriter out, PrintWriter err) {
            this(clock, variables, out, err, Path.of("").toAbsolutePath());
        }
    }
}
