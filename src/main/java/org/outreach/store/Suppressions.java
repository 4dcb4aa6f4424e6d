package org.outreach.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The workspace's do-not-contact list, honoured by every campaign. */
@RegisterConstructorMapper(Suppressions.Suppression.class)
public interface Suppressions {

    /** Why an address must not be written to. {@code source} is manual, bounce, complaint or unsubscribe. */
    record Suppression(String emailKey, String source, String reason, Instant createdAt) {
    }

    @SqlQuery("select email_key, source, reason, created_at from suppressions where email_key = :key")
    Optional<Suppression> find(@Bind("key") String emailKey);

    @SqlQuery("select email_key, source, reason, created_at from suppressions order by email_key")
    List<Suppression> all();

    @SqlUpdate("""
            insert into suppressions (email_key, source, reason, created_at)
            values (:key, :source, :reason, :now)
            """)
    void insert(@Bind("key") String emailKey, @Bind("source") String source, @Bind("reason") String reason,
                @Bind("now") Instant now);
}
