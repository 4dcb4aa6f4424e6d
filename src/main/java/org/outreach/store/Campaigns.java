package org.outreach.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.outreach.campaign.CampaignState;

/** Launched campaigns with the copy of their files that unsent messages are rendered from. */
@RegisterConstructorMapper(Campaigns.Launched.class)
public interface Campaigns extends SqlObject {

    record Launched(long id, String campaignKey, String name, String senderEmail, CampaignState state, String definitionPath,
                    String contentHash, Instant launchedAt, Instant updatedAt) {
    }

    @SqlQuery("""
            select id, campaign_key, name, sender_email, state, definition_path, content_hash, launched_at, updated_at
            from campaigns where campaign_key = :key
            """)
    Optional<Launched> find(@Bind("key") String key);

    @SqlQuery("""
            select id, campaign_key, name, sender_email, state, definition_path, content_hash, launched_at, updated_at
            from campaigns order by campaign_key
            """)
    List<Launched> all();

    @SqlUpdate("""
            insert into campaigns (campaign_key, name, sender_email, state, definition_path, content_hash,
                                   launched_at, updated_at)
            values (:key, :name, :sender, :state, :definition, :hash, :now, :now)
            """)
    @GetGeneratedKeys("id")
    long insertRow(@Bind("key") String key, @Bind("name") String name, @Bind("sender") String senderEmail,
                   @Bind("definition") String definitionPath, @Bind("hash") String hash, @Bind("now") Instant now,
                   @Bind("state") CampaignState state);

    /** Records a campaign at its first launch: it sends. */
    default long insert(String key, String name, String senderEmail, String definitionPath, String hash, Instant now) {
        return insertRow(key, name, senderEmail, definitionPath, hash, now, CampaignState.ACTIVE);
    }

    @SqlUpdate("""
            update campaigns
            set name = :name, sender_email = :sender, definition_path = :definition, content_hash = :hash,
                updated_at = :now
            where id = :id
            """)
    void update(@Bind("id") long id, @Bind("name") String name, @Bind("sender") String senderEmail,
                @Bind("definition") String definitionPath, @Bind("hash") String hash, @Bind("now") Instant now);

    /** The contacts file a campaign was last launched with: where it is, a SHA-256 of it, and when. */
    record ContactsAsLaunched(String path, String digest, Instant launchedAt) {
    }

    @SqlUpdate("""
            update campaigns set contacts_path = :path, contacts_digest = :digest, contacts_launched_at = :now
            where id = :id
            """)
    void keepContactsFile(@Bind("id") long id, @Bind("path") String path, @Bind("digest") String digest,
                          @Bind("now") Instant now);

    /** Empty for a campaign launched before the contacts file was recorded. */
    @SqlQuery("""
            select contacts_path as path, contacts_digest as digest, contacts_launched_at as launched_at
            from campaigns where id = :id and contacts_digest is not null
            """)
    @RegisterConstructorMapper(ContactsAsLaunched.class)
    Optional<ContactsAsLaunched> contactsFile(@Bind("id") long id);

    /** Moves a campaign that is {@code from} to {@code to}; anything else is a bug, and fails before any history. */
    default void move(long id, CampaignState from, CampaignState to, Instant now) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("bug: campaign " + id + " cannot move from " + from + " to " + to);
        }
        Transitions.require(moveRow(id, from, to, now), "campaign", id, to, () -> Optional.ofNullable(byId(id)).map(Launched::state));
    }

    @SqlUpdate("update campaigns set state = :to, updated_at = :now where id = :id and state = :from")
    int moveRow(@Bind("id") long id, @Bind("from") CampaignState from, @Bind("to") CampaignState to, @Bind("now") Instant now);

    @SqlQuery("""
            select id, campaign_key, name, sender_email, state, definition_path, content_hash, launched_at, updated_at
            from campaigns where id = :id
            """)
    Launched byId(@Bind("id") long id);

    @SqlUpdate("delete from campaign_files where campaign_id = :id")
    void deleteFiles(@Bind("id") long id);

    @SqlUpdate("insert into campaign_files (campaign_id, path, content) values (:id, :path, :content)")
    void insertFile(@Bind("id") long id, @Bind("path") String path, @Bind("content") String content);

    /** Replaces the kept copy of the campaign's files. */
    default void replaceFiles(long id, Map<String, String> files) {
        deleteFiles(id);
        files.forEach((path, content) -> insertFile(id, path, content));
    }

    @SqlQuery("select path, content from campaign_files where campaign_id = :id order by path")
    @KeyColumn("path")
    @ValueColumn("content")
    Map<String, String> files(@Bind("id") long id);
}
