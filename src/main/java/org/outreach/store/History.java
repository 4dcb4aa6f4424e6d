package org.outreach.store;

import java.time.Instant;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What happened to each contact, when: enrolled, sent, replied, suppressed… */
public interface History {

    @SqlUpdate("""
            insert into history (contact_id, campaign_id, message_id, occurred_at, event, detail)
            values (:contact, :campaign, :message, :at, :event, :detail)
            """)
    void record(@Bind("contact") long contactId, @Bind("campaign") Long campaignId, @Bind("message") Long messageId,
                @Bind("at") Instant at, @Bind("event") String event, @Bind("detail") String detail);
}
