package org.outreach.render;

import org.outreach.campaign.Location;

/**
 * A template failed for one contact. The validator gathers these, so the same template line failing for many
 * contacts is reported once with the contacts it failed for.
 */
public final class RenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Location where;

    public RenderException(Location where, String message) {
        super(message);
        this.where = where;
    }

    public Location where() {
        return where;
    }
}
