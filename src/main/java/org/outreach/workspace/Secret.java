package org.outreach.workspace;

/** A password or token: kept out of every printout, log line and exception message. */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = value;
    }

    /** The value itself, for the one call that needs it (logging in). */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "********";
    }
}
