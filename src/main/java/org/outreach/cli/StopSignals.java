package org.outreach.cli;

import sun.misc.Signal;

/**
 * Ctrl-C and SIGTERM ask the daemon to stop, rather than start the JVM's shutdown: during a shutdown the
 * embedded database closes itself while the message in flight is still being recorded. Handling the signals
 * lets the round finish, the command return, and only then the process end.
 */
final class StopSignals {

    private StopSignals() {
    }

    /** Exit status of a process stopped by a second Ctrl-C: 128 + SIGINT. */
    private static final int INTERRUPTED = 130;

    /** The first signal asks {@code stop} to stop; a second one, for someone who cannot wait, ends the process. */
    static void onStop(Runnable stop) {
        java.util.concurrent.atomic.AtomicInteger signals = new java.util.concurrent.atomic.AtomicInteger();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (signals.incrementAndGet() > 1) {
                        System.exit(INTERRUPTED);
                    }
                    stop.run();
                });
            } catch (IllegalArgumentException e) {
                // a platform without this signal
            }
        }
    }
}
