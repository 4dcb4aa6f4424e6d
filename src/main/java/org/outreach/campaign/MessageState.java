package org.outreach.campaign;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where one message is in its life, and the only moves it may make. A message is {@link #PLANNED} when its
 * step is scheduled, {@link #SENDING} once claimed (its Message-ID recorded before any server hears of it),
 * then {@link #SENT}, {@link #RETRYING} after a temporary failure, {@link #FAILED}, or {@link #UNKNOWN} when
 * the server may or may not have it; {@link #CANCELLED} when a reply, a suppression or a cancel stopped it
 * before any server saw it.
 */
public enum MessageState {
    PLANNED, SENDING, SENT, RETRYING, FAILED, CANCELLED, UNKNOWN;

    /** Whether a message in this state may move to {@code next}: the one list of legal moves. */
    public boolean canMoveTo(MessageState next) {
        return switch (this) {
            case PLANNED, RETRYING -> Set.of(SENDING, FAILED, CANCELLED).contains(next);
            // A message a server may have seen is never cancelled: it went out, failed, or nobody knows.
            case SENDING -> Set.of(SENT, RETRYING, FAILED, UNKNOWN).contains(next);
            // Only a person settles an unknown fate (outreach resolve): sent, or send again.
            case UNKNOWN -> Set.of(SENT, RETRYING).contains(next);
            case SENT, FAILED, CANCELLED -> false;
        };
    }

    /** The states a message may move to {@code next} from: what a guarded update requires of the row. */
    public static List<MessageState> movingTo(MessageState next) {
        EnumSet<MessageState> from = EnumSet.noneOf(MessageState.class);
        for (MessageState state : values()) {
            if (state.canMoveTo(next)) {
                from.add(state);
            }
        }
        return List.copyOf(from);
    }

    /** Not sent yet and not stopped: what a send may still pick up. */
    public boolean isUnsent() {
        return this == PLANNED || this == RETRYING;
    }

    /** As people read it in status, history and the database: {@code planned}, {@code sent}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
