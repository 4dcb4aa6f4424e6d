package org.outreach.campaign;

/**
 * The root of the exceptions this program throws on purpose. Each carries the exit code the command line
 * reports and a message that is complete on its own line, so no stack trace is ever needed to understand it.
 */
public class OutreachException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public OutreachException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
