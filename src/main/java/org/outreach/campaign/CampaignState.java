package org.outreach.campaign;

import java.util.List;
import java.util.Locale;

/** Whether a launched campaign sends: {@link #ACTIVE}, {@link #PAUSED} until resumed, or {@link #CANCELLED} for good. */
public enum CampaignState {
    ACTIVE, PAUSED, CANCELLED;

    /** Whether a campaign in this state may move to {@code next}: pause and resume, and cancel once. */
    public boolean canMoveTo(CampaignState next) {
        return switch (this) {
            case ACTIVE -> next == PAUSED || next == CANCELLED;
            case PAUSED -> next == ACTIVE || next == CANCELLED;
            case CANCELLED -> false;
        };
    }

    /** The states a campaign may move to {@code next} from: what a guarded update requires of the row. */
    public static List<CampaignState> movingTo(CampaignState next) {
        return java.util.Arrays.stream(values()).filter(s -> s.canMoveTo(next)).toList();
    }

    /** As people read it in status and the database: {@code paused}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
