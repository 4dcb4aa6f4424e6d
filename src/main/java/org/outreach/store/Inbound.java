package org.outreach.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What was read from the organizer's mailbox, and what it turned out to be. */
public interface Inbound {

    /** One inbound message as recorded. {@code messageId}, {@code contactId}, {@code campaignId} are null when unmatched. */
    record Recorded(String messageKey, String folder, long uid, Instant receivedAt, String fromAddress, String subject,
                    String kind, String why, String status, boolean permanent, Long messageId, Long contactId,
                    Long campaignId, String answeredBy, String firstLines, LocalDate returnDate, Instant recordedAt) {
    }

    /** A reply for the organizer's list: who, from which organization, when, about what, and how it starts. */
    record Reply(String campaignKey, String email, String firstName, String lastName, String organization,
                 String answeredBy, Instant receivedAt, String subject, String firstLines, String step) {
    }

    /** How many inbound messages of one kind answer one segment × step. */
    record KindCount(String segment, String step, String kind, int contacts) {
    }

    @SqlQuery("select count(*) from inbound where message_key = :key")
    int countByKey(@Bind("key") String messageKey);

    @SqlUpdate("""
            insert into inbound (message_key, folder, uid, received_at, from_address, subject, kind, why, status,
                                 permanent, message_id, contact_id, campaign_id, answered_by, first_lines, return_date,
                                 recorded_at)
            values (:messageKey, :folder, :uid, :receivedAt, :fromAddress, :subject, :kind, :why, :status,
                    :permanent, :messageId, :contactId, :campaignId, :answeredBy, :firstLines, :returnDate, :recordedAt)
            """)
    @GetGeneratedKeys("id")
    long insert(@BindMethods Recorded recorded);

    @SqlQuery("""
            select c.campaign_key, ct.email,
                   (select f.field_value from contact_fields f where f.contact_id = ct.id and f.name = 'first_name') as first_name,
                   (select f.field_value from contact_fields f where f.contact_id = ct.id and f.name = 'last_name') as last_name,
                   (select f.field_value from contact_fields f where f.contact_id = ct.id and f.name = 'organization') as organization,
                   i.answered_by, i.received_at, i.subject, i.first_lines, m.step
            from inbound i
                 join campaigns c on c.id = i.campaign_id
                 join contacts ct on ct.id = i.contact_id
                 left join messages m on m.id = i.message_id
            where i.kind = 'reply' and (:campaign is null or c.campaign_key = :campaign)
            order by i.received_at desc, i.id desc
            """)
    @RegisterConstructorMapper(Reply.class)
    List<Reply> replies(@Bind("campaign") String campaignKey);

    /** Distinct contacts per segment × step × kind of inbound message, for the status table. */
    @SqlQuery("""
            select e.segment, m.step, i.kind, count(distinct i.contact_id) as contacts
            from inbound i
                 join messages m on m.id = i.message_id
                 join enrollments e on e.id = m.enrollment_id
            where i.campaign_id = :campaign
            group by e.segment, m.step, i.kind
            """)
    @RegisterConstructorMapper(KindCount.class)
    List<KindCount> countByKind(@Bind("campaign") long campaignId);
}
