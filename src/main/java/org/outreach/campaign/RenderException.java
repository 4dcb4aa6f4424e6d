package org.outreach.campaign;

import java.util.Optional;

/**
 * A template failed for one contact (the renderer raises it; sending, validation and previews say it). The validator gathers these, so the same template line failing for many
 * contacts is reported once with the contacts it failed for.
 */
public final class RenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Location where;
    private final String missingColumn;
    private final boolean campaignMistake;

    public RenderException(Location where, String message) {
        this(where, message, null, false);
    }

    private RenderException(Location where, String message, String missingColumn, boolean campaignMistake) {
        super(message);
        this.where = where;
        this.missingColumn = missingColumn;
        this.campaignMistake = campaignMistake;
    }

    /** The template reads {@code contact.<column>} and this contact has no value there. */
    public static RenderException missingColumn(Location where, String message, String column) {
        return new RenderException(where, message, column, false);
    }

    /** A mistake of the campaign itself (a var it lacks), the same whichever contact it is rendered for. */
    public static RenderException ofCampaign(Location where, String message) {
        return new RenderException(where, message, null, true);
    }

    public Location where() {
        return where;
    }

    /** The column the template read, when the failure is a contact's missing value. */
    public Optional<String> missingColumn() {
        return Optional.ofNullable(missingColumn);
    }

    /** True when no contact's data is to blame, so naming the contacts it failed for would mislead. */
    public boolean isCampaignMistake() {
        return campaignMistake;
    }
}
