package org.outreach.store;

import org.jdbi.v3.core.Handle;

/** The tables, as seen from inside one transaction. */
public final class Store {

    private final Handle handle;

    Store(Handle handle) {
        this.handle = handle;
    }

    public Contacts contacts() {
        return new Contacts(handle);
    }

    public Suppressions suppressions() {
        return handle.attach(Suppressions.class);
    }

    public Campaigns campaigns() {
        return handle.attach(Campaigns.class);
    }

    public Enrollments enrollments() {
        return handle.attach(Enrollments.class);
    }

    public Messages messages() {
        return handle.attach(Messages.class);
    }

    public Inbound inbound() {
        return handle.attach(Inbound.class);
    }

    public MailboxCursors cursors() {
        return handle.attach(MailboxCursors.class);
    }

    public Approvals approvals() {
        return handle.attach(Approvals.class);
    }

    public History history() {
        return handle.attach(History.class);
    }
}
