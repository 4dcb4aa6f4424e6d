package org.outreach.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Which contacts are in which campaign, in which segment, and whether their sequence goes on. */
@RegisterConstructorMapper(Enrollments.Enrollment.class)
public interface Enrollments {

    String ACTIVE = "active";

    record Enrollment(long id, long campaignId, long contactId, String email, String segment, String state,
                      String stopReason, Instant enrolledAt) {
    }

    @SqlQuery("""
            select e.id, e.campaign_id, e.contact_id, c.email, e.segment, e.state, e.stop_reason, e.enrolled_at
            from enrollments e join contacts c on c.id = e.contact_id
            where e.campaign_id = :campaign and e.contact_id = :contact
            """)
    Optional<Enrollment> find(@Bind("campaign") long campaignId, @Bind("contact") long contactId);

    @SqlQuery("""
            select e.id, e.campaign_id, e.contact_id, c.email, e.segment, e.state, e.stop_reason, e.enrolled_at
            from enrollments e join contacts c on c.id = e.contact_id
            where e.campaign_id = :campaign
            order by e.segment, c.email_key
            """)
    List<Enrollment> ofCampaign(@Bind("campaign") long campaignId);

    @SqlUpdate("""
            insert into enrollments (campaign_id, contact_id, segment, state, enrolled_at, updated_at)
            values (:campaign, :contact, :segment, 'active', :now, :now)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("campaign") long campaignId, @Bind("contact") long contactId, @Bind("segment") String segment,
                @Bind("now") Instant now);

    /** Ends one sequence: {@code completed} when its last step went out, {@code stopped} with a reason otherwise. */
    @SqlUpdate("""
            update enrollments set state = :state, stop_reason = :reason, updated_at = :now
            where id = :id and state = 'active'
            """)
    int end(@Bind("id") long id, @Bind("state") String state, @Bind("reason") String reason, @Bind("now") Instant now);

    @SqlUpdate("""
            update enrollments set state = 'stopped', stop_reason = :reason, updated_at = :now
            where campaign_id = :campaign and state = 'active'
            """)
    int stopCampaign(@Bind("campaign") long campaignId, @Bind("reason") String reason, @Bind("now") Instant now);

    /**
     * One enrollment with what happened in it, for exports. {@code lastReplyAt} is when the latest reply was
     * recorded, and {@code suppressedAt} when the address was put on the do-not-contact list after enrolling
     * (with {@code suppressedAs}, its source): both by this program's clock, so they compare.
     */
    record Outcome(String email, long contactId, String segment, String state, String stopReason, int sent,
                   Instant lastSentAt, Instant repliedAt, int autoReplies, Instant lastReplyAt, String suppressedAs,
                   Instant suppressedAt) {
    }

    // A reply without a Date header has no received_at: when it was recorded stands in for it.
    @SqlQuery("""
            select c.email, c.id as contact_id, e.segment, e.state, e.stop_reason,
                   (select count(*) from messages m where m.enrollment_id = e.id and m.state = 'sent') as sent,
                   (select max(m.sent_at) from messages m where m.enrollment_id = e.id and m.state = 'sent') as last_sent_at,
                   (select min(coalesce(i.received_at, i.recorded_at)) from inbound i
                     where i.contact_id = e.contact_id and i.campaign_id = e.campaign_id and i.kind = 'reply') as replied_at,
                   (select count(*) from inbound i where i.contact_id = e.contact_id and i.campaign_id = e.campaign_id
                      and i.kind = 'auto-reply') as auto_replies,
                   (select max(i.recorded_at) from inbound i
                     where i.contact_id = e.contact_id and i.campaign_id = e.campaign_id and i.kind = 'reply') as last_reply_at,
                   s.source as suppressed_as, s.created_at as suppressed_at
            from enrollments e join contacts c on c.id = e.contact_id
                 left join suppressions s on s.email_key = c.email_key and s.created_at >= e.enrolled_at
            where e.campaign_id = :campaign
            order by e.segment, c.email_key
            """)
    @RegisterConstructorMapper(Outcome.class)
    List<Outcome> outcomes(@Bind("campaign") long campaignId);

    @SqlQuery("select count(*) from enrollments where id = :id and state = 'active'")
    int countActive(@Bind("id") long id);

    default boolean isActive(long id) {
        return countActive(id) == 1;
    }

    /** Stops every sequence of a contact, in every campaign. */
    @SqlUpdate("""
            update enrollments set state = 'stopped', stop_reason = :reason, updated_at = :now
            where contact_id = :contact and state = 'active'
            """)
    int stopAll(@Bind("contact") long contactId, @Bind("reason") String reason, @Bind("now") Instant now);

    /** Campaign key and segment of every enrollment of a contact, for listings. */
    @SqlQuery("""
            select c.campaign_key || ':' || e.segment
            from enrollments e join campaigns c on c.id = e.campaign_id
            where e.contact_id = :contact
            order by c.campaign_key
            """)
    List<String> placesOf(@Bind("contact") long contactId);
}
