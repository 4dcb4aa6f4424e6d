package org.outreach.store;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a guarded update that must move one row does when it moved none: the row was not in a state that may
 * move there, which is a bug (two processes sending for one workspace, or a move the engine should never ask
 * for). Failing rolls the transaction back, so no history is written for a move that did not happen.
 */
final class Transitions {

    private Transitions() {
    }

    /** Checks that {@code rows} (of one guarded update) is 1, or names the row and its states. */
    static void require(int rows, String what, long id, Object to, Supplier<Optional<?>> current) {
        if (rows != 1) {
            String now = current.get().map(Object::toString).orElse("missing");
            throw new IllegalStateException("bug: " + what + " " + id + " cannot move from " + now + " to " + to
                    + " (" + rows + " rows changed)");
        }
    }

    /** Checks, before any update, that some state may move to {@code to} at all. */
    static void reachable(boolean reachable, String what, long id, Object to) {
        if (!reachable) {
            throw new IllegalStateException("bug: no " + what + " may move to " + to + " (" + what + " " + id + ")");
        }
    }
}
