package org.outreach.campaign;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects problems while reading a user's files, so one run reports all of them instead of the first.
 * The same problem reported twice (the same template line failing for every contact) is kept once.
 */
public final class Problems {

    private final Set<Problem> problems = new LinkedHashSet<>();

    public void error(Location where, String message) {
        problems.add(Problem.error(where, message));
    }

    public void warning(Location where, String message) {
        problems.add(Problem.warning(where, message));
    }

    public void add(Problem problem) {
        problems.add(problem);
    }

    public void addAll(Problems other) {
        problems.addAll(other.problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> list() {
        return Collections.unmodifiableList(new ArrayList<>(problems));
    }

    /** Stops the command with every error found so far, when there is one. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new BadInputException(list());
        }
    }
}
