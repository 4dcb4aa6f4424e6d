package org.outreach.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Reviewers' approvals of a campaign's exact content. */
@RegisterConstructorMapper(Approvals.Approval.class)
public interface Approvals {

    record Approval(long id, String campaignKey, String reviewer, String contentHash, Instant approvedAt) {
    }

    @SqlUpdate("""
            insert into approvals (campaign_key, reviewer, content_hash, approved_at)
            values (:key, :reviewer, :hash, :now)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("key") String campaignKey, @Bind("reviewer") String reviewer, @Bind("hash") String hash,
                @Bind("now") Instant now);

    @SqlUpdate("insert into approval_files (approval_id, path, digest) values (:id, :path, :digest)")
    void insertFile(@Bind("id") long approvalId, @Bind("path") String path, @Bind("digest") String digest);

    @SqlQuery("""
            select id, campaign_key, reviewer, content_hash, approved_at from approvals
            where campaign_key = :key order by approved_at desc, id desc
            """)
    List<Approval> of(@Bind("key") String campaignKey);

    default Optional<Approval> latest(String campaignKey) {
        return of(campaignKey).stream().findFirst();
    }

    @SqlQuery("select path, digest from approval_files where approval_id = :id")
    @KeyColumn("path")
    @ValueColumn("digest")
    Map<String, String> files(@Bind("id") long approvalId);
}
