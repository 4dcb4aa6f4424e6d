package org.outreach.store;

import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Where reading each mailbox folder stopped, so each poll fetches only what is new. */
@RegisterConstructorMapper(MailboxCursors.Cursor.class)
public interface MailboxCursors {

    /** The folder's UIDVALIDITY when it was read, and the highest UID read. */
    record Cursor(String folder, long uidValidity, long lastUid) {
    }

    @SqlQuery("select folder, uid_validity, last_uid from mailbox_cursors where folder = :folder")
    Optional<Cursor> find(@Bind("folder") String folder);

    @SqlUpdate("""
            update mailbox_cursors set uid_validity = :validity, last_uid = :lastUid, polled_at = :now
            where folder = :folder
            """)
    int update(@Bind("folder") String folder, @Bind("validity") long uidValidity, @Bind("lastUid") long lastUid,
               @Bind("now") Instant now);

    @SqlUpdate("""
            insert into mailbox_cursors (folder, uid_validity, last_uid, polled_at)
            values (:folder, :validity, :lastUid, :now)
            """)
    void insert(@Bind("folder") String folder, @Bind("validity") long uidValidity, @Bind("lastUid") long lastUid,
                @Bind("now") Instant now);

    /** Moves the cursor forward (or resets it after a UIDVALIDITY change). */
    default void save(String folder, long uidValidity, long lastUid, Instant now) {
        if (update(folder, uidValidity, lastUid, now) == 0) {
            insert(folder, uidValidity, lastUid, now);
        }
    }
}
