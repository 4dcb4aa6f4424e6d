package org.outreach.campaign;

import java.util.List;
import java.util.Locale;

/**
 * Whether a contact's sequence in one campaign goes on: {@link #ACTIVE} until its last step went out
 * ({@link #COMPLETED}) or something ended it early ({@link #STOPPED}: a reply, a suppression, a failure, a cancel).
 */
public enum EnrollmentState {
    ACTIVE, STOPPED, COMPLETED;

    /** Whether an enrollment in this state may move to {@code next}: only an active one ends, and only once. */
    public boolean canMoveTo(EnrollmentState next) {
        return this == ACTIVE && next != ACTIVE;
    }

    /** The states an enrollment may move to {@code next} from: what a guarded update requires of the row. */
    public static List<EnrollmentState> movingTo(EnrollmentState next) {
        return java.util.Arrays.stream(values()).filter(s -> s.canMoveTo(next)).toList();
    }

    /** As people read it in status, exports and the database: {@code active}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
