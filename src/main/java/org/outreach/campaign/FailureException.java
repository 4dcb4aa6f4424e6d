package org.outreach.campaign;

/** Something outside the user's files failed: the database, the network, the disk (exit code 3). */
public final class FailureException extends OutreachException {

    private static final long serialVersionUID = 1L;
    public static final int EXIT_CODE = 3;

    public FailureException(String message, Throwable cause) {
        super(EXIT_CODE, message, cause);
    }
}
