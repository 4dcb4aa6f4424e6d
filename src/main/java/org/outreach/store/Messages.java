package org.outreach.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.outreach.campaign.CampaignState;
import org.outreach.campaign.EnrollmentState;
import org.outreach.campaign.MessageState;
import org.outreach.engine.Outbox;
import org.outreach.engine.OutboxMessage;

/** The outbox: one row per campaign × contact × step, unique, with where it is in its life. */
@RegisterConstructorMapper(Messages.StateCount.class)
public interface Messages {

    /**
     * A message as sending sees it ({@link OutboxMessage}, its columns in order), with the enrollment it belongs
     * to: the start of every query that reads one; {@code where} and the rest follow.
     */
    String MESSAGE = """
            select m.id, m.campaign_id, m.contact_id, m.enrollment_id, e.segment, m.step, m.step_number, m.due_at,
                   m.attempts, m.first_attempt_at
            from messages m join enrollments e on e.id = m.enrollment_id
            """;

    /** Plans one message of a step: bound once by {@link #plan}, per enrollment by {@link #planAll} and by sending. */
    String PLAN = """
            insert into messages (campaign_id, contact_id, enrollment_id, step, step_number, state, due_at,
                                  created_at, updated_at)
            values (:campaign, :contact, :enrollment, :step, :number, :state, :due, :now, :now)
            """;

    /** How many messages of one segment and step are in one state, by the state of their enrollment. */
    record StateCount(String segment, String step, MessageState state, EnrollmentState enrollmentState, int messages) {
    }

    /** A message whose fate is not known: handed to a mail server by a process that died before the answer. */
    record Unknown(long id, String campaignKey, String email, String step, String messageId, Instant claimedAt) {
    }

    /** The mailboxes that have messages due. */
    @SqlQuery("""
            select distinct c.sender_email
            from messages m join campaigns c on c.id = m.campaign_id
            where m.state in ('planned', 'retrying') and m.due_at <= :now and c.state = 'active'
            order by c.sender_email
            """)
    List<String> sendersWithDue(@Bind("now") Instant now);

    /** How many messages of a mailbox are due, for progress reports. */
    @SqlQuery("""
            select count(*)
            from messages m join campaigns c on c.id = m.campaign_id
            where m.state in ('planned', 'retrying') and m.due_at <= :now and c.state = 'active'
            """)
    int countDue(@Bind("now") Instant now);

    /** Due messages of one campaign, active or paused. */
    record DueCount(long campaignId, String campaignKey, CampaignState state, int messages) {
    }

    /** How many messages of each active or paused campaign are due: what a round left waiting, and whose. */
    @SqlQuery("""
            select c.id as campaign_id, c.campaign_key, c.state, count(*) as messages
            from messages m join campaigns c on c.id = m.campaign_id
            where m.state in ('planned', 'retrying') and m.due_at <= :now and c.state in ('active', 'paused')
            group by c.id, c.campaign_key, c.state
            order by c.campaign_key
            """)
    @RegisterConstructorMapper(DueCount.class)
    List<DueCount> countDueByCampaign(@Bind("now") Instant now);

    // The moves of sending (claim, sent, retrying, failed, unknown) are in SqlChanges: the path every message
    // takes. The moves below must find the row in a state that may move (MessageState.canMoveTo); when one does
    // not, it is a bug, and it throws before any history of it is written.

    @SqlQuery("select state from messages where id = :id")
    Optional<MessageState> stateOf(@Bind("id") long id);

    private void move(long id, MessageState to, int rows) {
        Transitions.require(rows, "message", id, to, () -> stateOf(id));
    }

    /** One message with what sending needs to know about it, by its row number. */
    @SqlQuery(MESSAGE + """
            where m.id = :id
            """)
    @RegisterConstructorMapper(OutboxMessage.class)
    OutboxMessage byId(@Bind("id") long id);

    @SqlQuery("""
            select m.id, c.campaign_key, ct.email, m.step, m.message_id, m.claimed_at
            from messages m join campaigns c on c.id = m.campaign_id join contacts ct on ct.id = m.contact_id
            where m.state = 'unknown'
            order by m.claimed_at
            """)
    @RegisterConstructorMapper(Unknown.class)
    List<Unknown> unknown();

    /** The messages of a sequence that went out, first step first: what the next ones refer to. */
    String SENT_OF = """
            select step_number, message_id, subject, sent_at from messages
            where enrollment_id = :enrollment and state = 'sent'
            order by step_number
            """;

    @SqlQuery(SENT_OF)
    @RegisterConstructorMapper(Outbox.Earlier.class)
    List<Outbox.Earlier> sentOf(@Bind("enrollment") long enrollmentId);

    // The cancels below touch any number of rows, none included: every message that may still be cancelled.

    /** Cancels the messages of a campaign that no server has seen; returns how many. */
    default int cancelUnsentOfCampaign(long campaignId, String reason, Instant now) {
        return cancelRows("campaign_id", campaignId, reason, now, MessageState.CANCELLED,
                MessageState.movingTo(MessageState.CANCELLED));
    }

    default int cancelUnsentOfEnrollment(long enrollmentId, String reason, Instant now) {
        return cancelRows("enrollment_id", enrollmentId, reason, now, MessageState.CANCELLED,
                MessageState.movingTo(MessageState.CANCELLED));
    }

    /** Cancels every message of a contact that has not been handed to a mail server; returns how many. */
    default int cancelUnsent(long contactId, String reason, Instant now) {
        return cancelRows("contact_id", contactId, reason, now, MessageState.CANCELLED,
                MessageState.movingTo(MessageState.CANCELLED));
    }

    @SqlUpdate("""
            update messages set state = :to, last_error = :reason, updated_at = :now
            where <owner> = :id and state in (<from>)
            """)
    int cancelRows(@Define("owner") String ownerColumn, @Bind("id") long id, @Bind("reason") String reason,
                   @Bind("now") Instant now, @Bind("to") MessageState to, @BindList("from") List<MessageState> from);

    /** A message found by its row number or its Message-ID. */
    @SqlQuery("""
            select m.id, c.campaign_key, ct.email, m.step, m.message_id, m.claimed_at
            from messages m join campaigns c on c.id = m.campaign_id join contacts ct on ct.id = m.contact_id
            where m.state = 'unknown' and (cast(m.id as varchar(30)) = :ref or m.message_id = :ref)
            """)
    @RegisterConstructorMapper(Unknown.class)
    Optional<Unknown> findUnknown(@Bind("ref") String reference);

    /** Our message with this Message-ID, sent or of unknown fate: what an inbound message may answer. */
    @SqlQuery(MESSAGE + """
            where m.message_id = :messageId and m.state in ('sent', 'unknown')
            """)
    @RegisterConstructorMapper(OutboxMessage.class)
    Optional<OutboxMessage> byMessageId(@Bind("messageId") String messageId);

    /** The latest message sent to a contact in each campaign it is enrolled in: what a reply without threading answers. */
    @SqlQuery(MESSAGE + """
            where m.contact_id = :contact and m.state = 'sent'
            order by m.sent_at desc
            """)
    @RegisterConstructorMapper(OutboxMessage.class)
    List<OutboxMessage> sentTo(@Bind("contact") long contactId);

    /** The subject of an enrollment's first step as it was sent: the thread's subject. */
    @SqlQuery("select subject from messages where enrollment_id = :enrollment and step_number = 1")
    Optional<String> firstSubjectOf(@Bind("enrollment") long enrollmentId);

    default String firstSubject(long enrollmentId) {
        return firstSubjectOf(enrollmentId).orElse(null);
    }

    /** Holds the messages of an enrollment not sent yet until {@code notBefore} (an auto-reply's return date). */
    @SqlUpdate("""
            update messages set due_at = :notBefore, updated_at = :now
            where enrollment_id = :enrollment and state in ('planned', 'retrying') and due_at < :notBefore
            """)
    int holdUntil(@Bind("enrollment") long enrollmentId, @Bind("notBefore") Instant notBefore, @Bind("now") Instant now);

    /** A step name with the number it had when its messages were planned. */
    record StepUse(String step, int stepNumber) {
    }

    @SqlQuery("select distinct step, step_number from messages where campaign_id = :campaign")
    @RegisterConstructorMapper(StepUse.class)
    List<StepUse> stepsUsed(@Bind("campaign") long campaignId);

    /** Puts a message back in the queue as if new: its attempts and their age start over. */
    default void requeue(long id, String why, Instant now) {
        move(id, MessageState.RETRYING, requeueRow(id, why, now, MessageState.RETRYING, List.of(MessageState.UNKNOWN)));
    }

    @SqlUpdate("""
            update messages set state = :to, due_at = :now, attempts = 0, first_attempt_at = null,
                                last_error = :why, updated_at = :now
            where id = :id and state in (<from>)
            """)
    int requeueRow(@Bind("id") long id, @Bind("why") String why, @Bind("now") Instant now,
                   @Bind("to") MessageState to, @BindList("from") List<MessageState> from);

    /** A message not sent yet: its step and when it is due. */
    record Unsent(String step, Instant dueAt) {
    }

    /** Whether the campaign has a message not sent yet in a sequence that goes on: what {@link #unsent} lists. */
    @SqlQuery("""
            select exists (select 1 from messages m join enrollments e on e.id = m.enrollment_id
                           where m.campaign_id = :campaign and m.state in ('planned', 'retrying') and e.state = 'active')
            """)
    boolean hasUnsent(@Bind("campaign") long campaignId);

    /** The enrollment's message not sent yet, if its sequence goes on: one at a time is planned. */
    @SqlQuery("""
            select step, due_at from messages
            where enrollment_id = :enrollment and state in ('planned', 'retrying')
            order by step_number
            limit 1
            """)
    @RegisterConstructorMapper(Unsent.class)
    Optional<Unsent> nextOf(@Bind("enrollment") long enrollmentId);

    @SqlUpdate(PLAN)
    @GetGeneratedKeys("id")
    long planRow(@Bind("campaign") long campaignId, @Bind("contact") long contactId, @Bind("enrollment") long enrollmentId,
                 @Bind("step") String step, @Bind("number") int stepNumber, @Bind("due") Instant due,
                 @Bind("now") Instant now, @Bind("state") MessageState state);

    /** Plans one message of a step, due at {@code due}. */
    default long plan(long campaignId, long contactId, long enrollmentId, String step, int stepNumber, Instant due,
                      Instant now) {
        return planRow(campaignId, contactId, enrollmentId, step, stepNumber, due, now, MessageState.PLANNED);
    }


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

    /**
     * What {@link #unsent} lists, in the same order, read as it is needed: a forecast of a large campaign need
     * not hold a row per message. Close the stream.
     */
    @SqlQuery("""
            select m.step, m.due_at from messages m join enrollments e on e.id = m.enrollment_id
            where m.campaign_id = :campaign and m.state in ('planned', 'retrying') and e.state = 'active'
            order by m.due_at, m.id
            """)
    @RegisterConstructorMapper(Unsent.class)
    java.util.stream.Stream<Unsent> unsentInOrder(@Bind("campaign") long campaignId);

    /**
     * Plans one message of a step for each of many enrollments in one batch, as {@link #plan} does for one:
     * {@code contactIds} and {@code enrollmentIds} go in pairs.
     */
    default void planAll(long campaignId, List<Long> contactIds, List<Long> enrollmentIds, String step, int stepNumber,
                         Instant due, Instant now) {
        planBatch(campaignId, contactIds, enrollmentIds, step, stepNumber, due, now, MessageState.PLANNED);
    }

    @SqlBatch(PLAN)
    void planBatch(@Bind("campaign") long campaignId, @Bind("contact") List<Long> contactIds,
                   @Bind("enrollment") List<Long> enrollmentIds, @Bind("step") String step, @Bind("number") int stepNumber,
                   @Bind("due") Instant due, @Bind("now") Instant now, @Bind("state") MessageState state);
}
