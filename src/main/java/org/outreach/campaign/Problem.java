package org.outreach.campaign;

/** One thing wrong with a user's files, printed as one line: {@code path:line[:column]: [warning: ]message}. */
public record Problem(Severity severity, Location where, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(Location where, String message) {
        return new Problem(Severity.ERROR, where, message);
    }

    public static Problem warning(Location where, String message) {
        return new Problem(Severity.WARNING, where, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return where + ": " + (isError() ? "" : "warning: ") + message;
    }
}
