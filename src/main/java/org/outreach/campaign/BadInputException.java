package org.outreach.campaign;

import java.util.List;

/** The user's files or arguments are wrong (exit code 1); the problems say where. */
public final class BadInputException extends OutreachException {

    private static final long serialVersionUID = 1L;
    public static final int EXIT_CODE = 1;

    private final transient List<Problem> problems;

    public BadInputException(List<Problem> problems) {
        super(EXIT_CODE, problems.stream().filter(Problem::isError).findFirst().map(Problem::toString).orElse("bad input"), null);
        this.problems = List.copyOf(problems);
    }

    public BadInputException(String message) {
        super(EXIT_CODE, message, null);
        this.problems = List.of();
    }

    public static BadInputException at(Location where, String message) {
        return new BadInputException(List.of(Problem.error(where, message)));
    }

    /** Every problem found, warnings included; empty when the message says it all. */
    public List<Problem> problems() {
        return problems;
    }
}
