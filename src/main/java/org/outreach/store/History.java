package org.outreach.store;

import java.time.Instant;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What happened to each contact, when: enrolled, sent, replied, suppressed… */
public interface History {

    /** One event of a contact; campaign and message may be null. */
    String RECORD = """
            insert into history (contact_id, campaign_id, message_id, occurred_at, event, detail)
            values (:contact, :campaign, :message, :at, :event, :detail)
            """;

    /** One event of a contact's history, with the campaign and step it concerns when there is one. */
    record Event(Instant occurredAt, String campaignKey, String step, String event, String detail) {
    }

    @SqlQuery("""
            select h.occurred_at, c.campaign_key, m.step, h.event, h.detail
            from history h
                 left join campaigns c on c.id = h.campaign_id
                 left join messages m on m.id = h.message_id
            where h.contact_id = :contact
            order by h.occurred_at, h.id
            """)
    @RegisterConstructorMapper(Event.class)
    List<Event> of(@Bind("contact") long contactId);

    @SqlUpdate(RECORD)
    void record(@Bind("contact") long contactId, @Bind("campaign") Long campaignId, @Bind("message") Long messageId,
                @Bind("at") Instant at, @Bind("event") String event, @Bind("detail") String detail);

    /** Records one event for each of many contacts, in one batch: {@code contactIds} and {@code details} go in pairs. */
    default void recordAll(List<Long> contactIds, Long campaignId, Instant at, String event, List<String> details) {
        recordBatch(contactIds, campaignId, null, at, event, details);
    }

    @SqlBatch(RECORD)
    void recordBatch(@Bind("contact") List<Long> contactIds, @Bind("campaign") Long campaignId,
                     @Bind("message") Long messageId, @Bind("at") Instant at, @Bind("event") String event,
                     @Bind("detail") List<String> details);
}
