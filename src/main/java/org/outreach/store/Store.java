package org.outreach.store;

import java.util.HashMap;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.outreach.engine.Outbox;

/**
 * The tables, as seen from inside a transaction. A store lives on one connection across many transactions (see
 * {@link Database}), one thread at a time; each table's statements are attached to it once and reused:
 * attaching copies Jdbi's configuration and prepares every method of the interface, which cost more than the
 * statements themselves when it happened on every call.
 */
public final class Store {

    private final Handle handle;
    private final Map<Class<?>, Object> attached = new HashMap<>();

    Store(Handle handle) {
        this.handle = handle;
    }

    Handle handle() {
        return handle;
    }

    private <T> T table(Class<T> type) {
        return type.cast(attached.computeIfAbsent(type, handle::attach));
    }

    public Contacts contacts() {
        return new Contacts(handle);
    }

    public Suppressions suppressions() {
        return table(Suppressions.class);
    }

    public Campaigns campaigns() {
        return table(Campaigns.class);
    }

    public Enrollments enrollments() {
        return table(Enrollments.class);
    }

    public Messages messages() {
        return table(Messages.class);
    }

    public Inbound inbound() {
        return table(Inbound.class);
    }

    public MailboxCursors cursors() {
        return table(MailboxCursors.class);
    }

    public Approvals approvals() {
        return table(Approvals.class);
    }

    /** The moves of sending, in this transaction. */
    public Outbox.Changes changes() {
        return new SqlChanges(handle);
    }

    public History history() {
        return table(History.class);
    }
}
