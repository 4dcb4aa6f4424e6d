package org.outreach.cli;

import org.outreach.campaign.BadInputException;
import org.outreach.campaign.FailureException;
import org.outreach.campaign.OutreachException;
import org.outreach.campaign.Problem;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Prints what went wrong as one line per problem and picks the exit code: 1 for the user's input, 3 for
 * failures outside it. A stack trace appears only for a bug, and only with {@code OUTREACH_DEBUG=1}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    static final int USAGE = 2;

    private final Main.Environment environment;

    ErrorReporter(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        var err = environment.err();
        if (e instanceof BadInputException bad && !bad.problems().isEmpty()) {
            bad.problems().forEach(p -> err.println(p));
            long errors = bad.problems().stream().filter(Problem::isError).count();
            if (errors > 1) {
                err.println(errors + " errors");
            }
        } else if (e instanceof OutreachException known) {
            err.println(known.getMessage());
        } else {
            err.println("outreach: internal error: " + e + " (this is a bug; run with OUTREACH_DEBUG=1 to see where)");
        }
        if ("1".equals(environment.variables().get("OUTREACH_DEBUG"))) {
            e.printStackTrace(err);
        }
        return e instanceof OutreachException known ? known.exitCode() : FailureException.EXIT_CODE;
    }
}
