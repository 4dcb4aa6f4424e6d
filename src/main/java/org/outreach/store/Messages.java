package org.outreach.store;

import java.time.Instant;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The outbox: one row per campaign × contact × step, unique, with where it is in its life. */
@RegisterConstructorMapper(Messages.StateCount.class)
public interface Messages {

    /** How many messages of one segment and step are in one state, by the state of their enrollment. */
    record StateCount(String segment, String step, String state, String enrollmentState, int messages) {
    }

    /** A message not sent yet: its step and when it is due. */
    record Unsent(int stepNumber, Instant dueAt) {
    }

    @SqlQuery("""
            select step_number, due_at from messages
            where campaign_id = :campaign and state in ('planned', 'retrying')
            order by due_at, id
            """)
    @RegisterConstructorMapper(Unsent.class)
    List<Unsent> unsent(@Bind("campaign") long campaignId);

    @SqlUpdate("""
            insert into messages (campaign_id, contact_id, enrollment_id, step, step_number, state, due_at,
                                  created_at, updated_at)
            values (:campaign, :contact, :enrollment, :step, :number, 'planned', :due, :now, :now)
            """)
    @GetGeneratedKeys("id")
    long plan(@Bind("campaign") long campaignId, @Bind("contact") long contactId, @Bind("enrollment") long enrollmentId,
              @Bind("step") String step, @Bind("number") int stepNumber, @Bind("due") Instant due,
              @Bind("now") Instant now);

    /** Cancels every message of a contact that has not been handed to a mail server; returns how many. */
    @SqlUpdate("""
            update messages set state = 'cancelled', last_error = :reason, updated_at = :now
            where contact_id = :contact and state in ('planned', 'retrying')
            """)
    int cancelUnsent(@Bind("contact") long contactId, @Bind("reason") String reason, @Bind("now") Instant now);

    @SqlQuery("""
            select e.segment, m.step, m.state, e.state as enrollment_state, count(*) as messages
            from messages m join enrollments e on e.id = m.enrollment_id
            where m.campaign_id = :campaign
            group by e.segment, m.step, m.state, e.state
            """)
    List<StateCount> countByState(@Bind("campaign") long campaignId);

    /** When the mailbox's messages were confirmed sent since {@code since}: what its limits count. */
    @SqlQuery("""
            select m.sent_at from messages m join campaigns c on c.id = m.campaign_id
            where c.sender_email = :sender and m.sent_at >= :since
            order by m.sent_at
            """)
    List<Instant> sentSince(@Bind("sender") String senderEmail, @Bind("since") Instant since);
}
